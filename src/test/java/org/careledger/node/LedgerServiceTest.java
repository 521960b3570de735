package org.careledger.node;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.identity.DemoAccounts;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.ledger.TxLocation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerServiceTest extends IntegrationTest {

    @Autowired
    LedgerService ledger;

    @Autowired
    org.careledger.node.ConsortiumControl control;

    @Test
    void theDemoUsersAreRegisteredOnTheLedgerWithTheirRoles() throws Exception {
        Address doctor = DevAccounts.ganacheAccount(DemoAccounts.DOCTOR.devAccountIndex()).address();
        Address patient = DevAccounts.ganacheAccount(DemoAccounts.PATIENT.devAccountIndex()).address();
        Await.until("the registry holds the demo doctor and patient",
                () -> Registry.roleOf(ledger.committedState().view(), doctor).isPresent()
                        && Registry.roleOf(ledger.committedState().view(), patient).isPresent());
        assertThat(Registry.roleOf(ledger.committedState().view(), doctor)).contains("DOCTOR");
        assertThat(Registry.roleOf(ledger.committedState().view(), patient)).contains("PATIENT");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void anApprovedUserIsRegisteredOnTheLedgerByTheApprovingAdminsOwnTransaction() throws Exception {
        Address admin = DevAccounts.ganacheAccount(DemoAccounts.ADMIN.devAccountIndex()).address();
        Await.until("the demo admin is an admin on the ledger",
                () -> Registry.roleOf(ledger.committedState().view(), admin).filter("ADMIN"::equals).isPresent());
        long adminNonceBefore = ledger.committedState().nextNonce(admin);
        org.careledger.identity.TestAccounts accounts = new org.careledger.identity.TestAccounts(context);
        org.careledger.identity.UserProfile approved = accounts.active(org.careledger.identity.Role.DOCTOR);
        Address doctor = approved.ledgerAddress();
        Await.until("the new doctor is registered on the ledger",
                () -> Registry.roleOf(ledger.committedState().view(), doctor).filter("DOCTOR"::equals).isPresent());
        assertThat(ledger.committedState().nextNonce(admin)).as("the admin signed the registration").isGreaterThan(adminNonceBefore);
    }

    @Test
    void aSubmittedTransferIsMinedDurablyAndMovesTheTokens() {
        var from = DevAccounts.ganacheAccount(5);
        Address to = DevAccounts.ganacheAccount(6).address();
        long before = Tokens.balanceOf(ledger.committedState().view(), to);
        Transaction tx = ledger.submit(from, Tokens.transfer(to, 2 * Genesis.UNITS_PER_TOKEN), 1000);
        long height = ledger.awaitCommitted(tx.id(), Duration.ofSeconds(30));
        assertThat(height).isPositive();
        assertThat(Tokens.balanceOf(ledger.committedState().view(), to)).isEqualTo(before + 2 * Genesis.UNITS_PER_TOKEN);
    }

    @Test
    void aTransferWithTooSmallAFeeIsRefusedAtOnceWithAReason() {
        Address to = DevAccounts.ganacheAccount(6).address();
        assertThatThrownBy(() -> ledger.submit(DevAccounts.ganacheAccount(4), Tokens.transfer(to, 1), 0))
                .isInstanceOf(TransactionRejectedException.class).hasMessageContaining("below the minimum");
        assertThat(ledger.pending()).noneMatch(tx -> tx.senderAddress().equals(DevAccounts.ganacheAccount(4).address()));
    }

    @Autowired
    Consortium consortium;

    @Test
    void awaitingATransactionThatIsAlreadyCommittedReturnsItsBlockAtOnce() {
        try (Recorder events = new Recorder()) {
            Transaction tx = ledger.submit(DevAccounts.ganacheAccount(5), Tokens.transfer(DevAccounts.ganacheAccount(6).address(), 1), 1000);
            Await.until("the transfer is announced as committed", () -> events.committed(tx).isPresent());

            long started = System.nanoTime();
            long height = ledger.awaitCommitted(tx.id(), Duration.ofSeconds(10));

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("at once, not after the wait").isLessThan(5_000);
            assertThat(height).isEqualTo(ledger.locate(tx.id()).orElseThrow().height());
        }
    }

    @Test
    void eachCommittedTransactionAndItsBlockAreAnnounced() {
        try (Recorder events = new Recorder()) {
            var from = DevAccounts.ganacheAccount(5);
            Address to = DevAccounts.ganacheAccount(6).address();
            Transaction tx = ledger.submit(from, Tokens.transfer(to, 1), 1000);
            long height = ledger.awaitCommitted(tx.id(), Duration.ofSeconds(30));
            TxLocation where = ledger.locate(tx.id()).orElseThrow();
            Await.until("the block is announced", () -> events.mined(height).isPresent());

            assertThat(events.committed(tx)).contains(new TransactionCommitted(tx.id(), height, where.blockHash(), from.address(),
                    Tokens.transfer(to, 1), 1000, List.of(from.address(), to)));
            TransactionCommitted committed = events.committed(tx).orElseThrow();
            assertThat(committed.contract()).as("a listener reads the call without decoding the block").isEqualTo("tokens");
            assertThat(committed.method()).isEqualTo("transfer");
            BlockMined block = events.mined(height).orElseThrow();
            assertThat(block.hash()).isEqualTo(where.blockHash());
            assertThat(block.time().toEpochMilli()).isEqualTo(where.blockTime());
            assertThat(block.transactions()).isGreaterThan(where.index());
            assertThat(ledger.genesis().sealerAddresses()).contains(block.sealer());
        }
    }

    @Test
    void aTransactionNotYetMinedIsPendingAndAwaitingItTimesOutWithAClearMessage() throws Exception {
        PrivateKey sender = DevAccounts.ganacheAccount(6);
        Address to = DevAccounts.ganacheAccount(5).address();
        long next = ledger.nextNonce(sender.address());
        // one nonce ahead of the next: it cannot be mined until the gap is filled
        Transaction ahead = Transaction.sign(ledger.genesis().chainId(), sender, next + 1, Tokens.transfer(to, 1), 1000);
        consortium.home().submit(ahead, 0);

        assertThat(ledger.pending()).contains(ahead);
        assertThatThrownBy(() -> ledger.awaitCommitted(ahead.id(), Duration.ofMillis(300)))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessage("Transaction " + ahead.id().shortHex() + " was not mined within 300 ms; it stays queued and will be mined "
                        + "when the ledger catches up");

        Transaction gap = Transaction.sign(ledger.genesis().chainId(), sender, next, Tokens.transfer(to, 1), 1000);
        consortium.home().submit(gap, 0);
        long height = ledger.awaitCommitted(ahead.id(), Duration.ofSeconds(30));
        assertThat(ledger.locate(ahead.id()).orElseThrow().height()).isEqualTo(height);
        Await.until("both leave the pending transactions", () -> ledger.pending().stream().noneMatch(tx -> tx.equals(ahead) || tx.equals(gap)));
    }

    @Test
    void awaitingATransactionTheLedgerDoesNotHoldSaysSoAtOnce() {
        Hash unknown = Hash.sha256(new byte[] {42});

        assertThatThrownBy(() -> ledger.awaitCommitted(unknown, Duration.ofSeconds(30)))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessage("Transaction " + unknown.shortHex() + " is neither in a block nor waiting for one (a block refused it, "
                        + "or a restart lost it); it has to be sent again");
    }

    /** The ledger's events, as any listener in the portal receives them, while the test runs. */
    private final class Recorder implements ApplicationListener<ApplicationEvent>, AutoCloseable {

        private final List<Object> seen = new CopyOnWriteArrayList<>();

        Recorder() {
            ((ConfigurableApplicationContext) context).addApplicationListener(this);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload) {
                seen.add(payload.getPayload());
            }
        }

        java.util.Optional<TransactionCommitted> committed(Transaction tx) {
            return seen.stream().filter(e -> e instanceof TransactionCommitted c && c.transactionId().equals(tx.id()))
                    .map(TransactionCommitted.class::cast).findFirst();
        }

        java.util.Optional<BlockMined> mined(long height) {
            return seen.stream().filter(e -> e instanceof BlockMined b && b.height() == height).map(BlockMined.class::cast).findFirst();
        }

        @Override
        public void close() {
            ((ConfigurableApplicationContext) context).removeApplicationListener(this);
        }
    }

    @Test
    void theExplorersReadsPageTheMainChainAndTheConsoleSeesEveryNode() {
        var from = DevAccounts.ganacheAccount(5);
        Transaction tx = ledger.submit(from, Tokens.transfer(DevAccounts.ganacheAccount(6).address(), 1), 1000);
        long height = ledger.awaitCommitted(tx.id(), Duration.ofSeconds(30));

        ChainSummary summary = ledger.summary();
        assertThat(summary.height()).isGreaterThanOrEqualTo(height);
        assertThat(summary.transactions()).isGreaterThanOrEqualTo(summary.height()).as("every block holds a transaction");
        assertThat(summary.sampledBlocks()).isBetween(1, LedgerService.SAMPLE_BLOCKS);
        assertThat(summary.averageDifficulty()).isPositive();
        LedgerService.Located found = ledger.committedTransaction(tx.id()).orElseThrow();
        assertThat(found.transaction()).isEqualTo(tx);
        assertThat(found.location().height()).isEqualTo(height);
        assertThat(ledger.blockAt(height).orElseThrow().transactions()).contains(tx);
        assertThat(ledger.blockByHash(found.location().blockHash())).map(b -> b.height()).contains(height);
        assertThat(ledger.headers(height, 3)).extracting(h -> h.height()).startsWith(height);
        assertThat(ledger.headers(Long.MAX_VALUE, 10_000)).as("a page, never the chain").hasSizeLessThanOrEqualTo(LedgerService.MAX_PAGE);
        assertThat(ledger.pendingTransaction(tx.id())).isEmpty();

        List<NodeStatus> nodes = control.nodes();
        assertThat(nodes).hasSize(3);
        assertThat(nodes.get(0).home()).isTrue();
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.peers()).isEqualTo(2);
            assertThat(n.storeBytes()).isPositive();
        });
    }

    @Test
    void theLastNodeStillSealingCannotBePaused() {
        List<String> names = control.nodeNames();
        try {
            control.pauseSealing(names.get(1));
            control.pauseSealing(names.get(2));
            assertThatThrownBy(() -> control.pauseSealing(names.get(0)))
                    .isInstanceOf(org.careledger.common.OperationNotAllowedException.class)
                    .hasMessageContaining("last node still sealing");
            assertThat(control.nodes()).extracting(NodeStatus::sealing).containsExactly(true, false, false);
            assertThatThrownBy(() -> control.pauseSealing("no-such-node")).isInstanceOf(org.careledger.common.NotFoundException.class);
        } finally {
            control.resumeSealing(names.get(1));
            control.resumeSealing(names.get(2));
        }
        assertThat(control.nodes()).allMatch(NodeStatus::sealing);
    }
}
