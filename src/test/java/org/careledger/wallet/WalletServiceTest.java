package org.careledger.wallet;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Genesis;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wallet on the real database and ledger: transfers, their refusals, and the history both sides see. */
class WalletServiceTest extends IntegrationTest {

    private static final long TOKEN = Genesis.UNITS_PER_TOKEN;

    @Autowired
    ApplicationContext ctx;
    @Autowired
    WalletService wallet;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerOutbox outbox;
    @Autowired
    WalletHistoryFeed feed;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private UserProfile sender;
    private UserProfile recipient;
    private long fee;

    @BeforeEach
    void twoFundedUsers() {
        TestAccounts accounts = new TestAccounts(ctx);
        sender = accounts.active(Role.PATIENT);
        recipient = accounts.active(Role.DOCTOR);
        // each approval queues the registration and the treasury's welcome; the admin sends the rest of a token
        TestFunding.oneToken(ctx, sender, recipient);
        fee = ledger.minimumFee(Tokens.transfer(recipient.ledgerAddress(), 1));
    }

    @Test
    void aTransferMovesExactlyTheAmountAndTheFeeOnceMined() {
        LedgerReceipt receipt = TestAccounts.as(sender, () -> wallet.send(recipient.ledgerAddress().toString(), "0.25"));

        assertThat(receipt.status()).isEqualTo(LedgerReceipt.Status.PENDING);
        ledger.awaitCommitted(receipt.txId(), Duration.ofSeconds(30));
        assertThat(balance(sender)).isEqualTo(TOKEN - 250_000 - fee);
        assertThat(balance(recipient)).isEqualTo(TOKEN + 250_000);
        Await.until("the outbox settled it", () -> TestAccounts.as(sender, () -> wallet.myBalance()).pendingOut() == 0);
        assertThat(TestAccounts.as(sender, () -> wallet.myBalance()).spendable()).isEqualTo(TOKEN - 250_000 - fee);
    }

    @Test
    void everyBadAmountAndAddressIsRefusedWithItsMessageAndNothingIsQueued() {
        String to = recipient.ledgerAddress().toString();
        assertRefused(to, "", "amount", "Enter an amount in tokens");
        assertRefused(to, "0", "amount", "Enter an amount of more than zero");
        assertRefused(to, "-1", "amount", "An amount cannot be negative");
        assertRefused(to, "twelve", "amount", "Not a number of tokens");
        assertRefused(to, "0.0000001", "amount", "At most 6 decimals");
        assertRefused(to, "9223372036854.775808", "amount", "That is more than the ledger can hold");
        assertRefused(to, "1", "amount", "You have 1 token to spend; this needs 1.001 including the fee of 0.001");
        assertRefused(to, "9223372036854.775807", "amount",
                "You have 1 token to spend; this needs 9,223,372,036,854.776807 including the fee of 0.001");

        assertRefused(wrongChecksum(to), "0.1", "to", "Address checksum does not match (EIP-55)");
        assertRefused("0x1234", "0.1", "to", "Address must be 0x followed by 40 hexadecimal characters");
        assertRefused("", "0.1", "to", "Enter the recipient's address");
        assertRefused(sender.ledgerAddress().toString(), "0.1", "to", "This is your own address");

        assertThat(outbox.inFlightOf(Signer.user(sender.id()))).as("nothing queued").isEmpty();
        assertThat(balance(sender)).isEqualTo(TOKEN);
    }

    @Test
    void anAddressAllInLowerOrUpperCaseNeedsNoChecksum() {
        String hex = recipient.ledgerAddress().toLowerHex().substring(2);
        TestAccounts.as(sender, () -> {
            assertThat(wallet.quote("0x" + hex, "0.1").to()).isEqualTo(recipient.ledgerAddress());
            assertThat(wallet.quote("0x" + hex.toUpperCase(Locale.ROOT), "0.1").to()).isEqualTo(recipient.ledgerAddress());
            return null;
        });
    }

    @Test
    void theSpendableAmountCountsTransfersStillOnTheirWay() {
        TestAccounts.as(sender, () -> wallet.send(recipient.ledgerAddress().toString(), "0.6"));

        // pending or already mined, the first transfer's 0.601 is no longer there to spend
        assertRefused(recipient.ledgerAddress().toString(), "0.6", "amount",
                "You have 0.399 tokens to spend; this needs 0.601 including the fee of 0.001");
        assertThat(TestAccounts.as(sender, () -> wallet.myBalance()).spendable()).isEqualTo(TOKEN - 600_000 - fee);
    }

    @Test
    void theHistoryShowsWhatWasSentAndReceivedWithTheCounterpartsNames() {
        LedgerReceipt receipt = TestAccounts.as(sender, () -> wallet.send(recipient.ledgerAddress().toString(), "0.25"));
        assertThat(TestAccounts.as(sender, () -> wallet.myHistory()).get(0).txId()).as("listed at once, pending or in its block")
                .isEqualTo(receipt.txId());
        ledger.awaitCommitted(receipt.txId(), Duration.ofSeconds(30));

        Await.until("the sender's history has the transfer", () -> history(sender).stream()
                .anyMatch(e -> receipt.txId().equals(e.txId()) && !e.pending()));
        WalletEntry sent = history(sender).stream().filter(e -> receipt.txId().equals(e.txId())).findFirst().orElseThrow();
        assertThat(sent.counterpartName()).isEqualTo(recipient.fullName());
        assertThat(sent.amount()).isEqualTo(-250_000);
        assertThat(sent.fee()).isEqualTo(fee);
        assertThat(sent.where()).isEqualTo("in block " + ledger.locate(receipt.txId()).orElseThrow().height());
        assertThat(sent.time()).isNotNull();

        Await.until("the recipient's history has it", () -> history(recipient).stream().anyMatch(e -> receipt.txId().equals(e.txId())));
        List<WalletEntry> received = history(recipient);
        WalletEntry in = received.stream().filter(e -> receipt.txId().equals(e.txId())).findFirst().orElseThrow();
        assertThat(in.counterpartName()).isEqualTo(sender.fullName());
        assertThat(in.amount()).isEqualTo(250_000);
        assertThat(in.fee()).isZero();
        assertThat(received).anySatisfy(welcome -> {
            assertThat(welcome.counterpartName()).isEqualTo("Treasury");
            assertThat(welcome.amount()).isEqualTo(ctx.getBean(org.careledger.node.LedgerSettings.class).welcomeBaseUnits());
        });
        assertThat(received).anySatisfy(topUp -> assertThat(topUp.counterpartName()).isEqualTo(DemoAccounts.ADMIN.fullName()));
    }

    @Test
    void nobodySignedInHasNoWallet() {
        assertThatThrownBy(() -> wallet.myBalance()).isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        assertThatThrownBy(() -> wallet.send(recipient.ledgerAddress().toString(), "0.1"))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        assertThat(outbox.inFlightOf(Signer.user(sender.id()))).isEmpty();
    }

    @Test
    void anEmptyHistoryIsRebuiltFromTheChainsBlocks() throws Exception {
        LedgerReceipt receipt = TestAccounts.as(sender, () -> wallet.send(recipient.ledgerAddress().toString(), "0.5"));
        ledger.awaitCommitted(receipt.txId(), Duration.ofSeconds(30));
        Await.until("the recipient's history has it", () -> history(recipient).stream().anyMatch(e -> receipt.txId().equals(e.txId())));
        List<WalletEntry> before = history(recipient);

        jdbc.sql("DELETE FROM wallet_movements").update();
        jdbc.sql("UPDATE wallet_progress SET applied_height = 0").update();
        assertThat(history(recipient)).isEmpty();
        feed.catchUpInBackground().get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(history(recipient)).containsAll(before);
    }

    private long balance(UserProfile user) {
        return Tokens.balanceOf(ledger.committedState().view(), user.ledgerAddress());
    }

    private List<WalletEntry> history(UserProfile user) {
        return TestAccounts.as(user, () -> wallet.myHistory());
    }

    private void assertRefused(String to, String amount, String field, String message) {
        assertThatThrownBy(() -> TestAccounts.as(sender, () -> wallet.send(to, amount)))
                .as("%s to %s", amount, to)
                .isInstanceOfSatisfying(InvalidTransferException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.plainMessage()).startsWith(message);
                });
    }

    /** The address with the case of its first letter turned: mixed case whose checksum no longer matches. */
    private static String wrongChecksum(String address) {
        char[] c = address.toCharArray();
        for (int i = 2; i < c.length; i++) {
            if (Character.isLetter(c[i])) {
                c[i] = Character.isUpperCase(c[i]) ? Character.toLowerCase(c[i]) : Character.toUpperCase(c[i]);
                String turned = new String(c);
                if (!turned.substring(2).equals(turned.substring(2).toLowerCase(Locale.ROOT))
                        && !turned.substring(2).equals(turned.substring(2).toUpperCase(Locale.ROOT))) {
                    return turned;
                }
                c[i] = address.charAt(i);
            }
        }
        throw new IllegalStateException("no letter to turn in " + address);
    }
}
