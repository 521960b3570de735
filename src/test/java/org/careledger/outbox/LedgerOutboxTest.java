package org.careledger.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Anchors;
import org.careledger.contracts.ConsentCalls;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.Emergency;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.inbox.InboxMessage;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.node.LedgerService;
import org.careledger.outbox.internal.OutboxRow;
import org.careledger.outbox.internal.OutboxRows;
import org.careledger.records.DoctorConsent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one durable path to the ledger, on the real ledger and H2 file: a call the ledger would
 * refuse is told at once and nothing of its transaction stays; a race only a block can judge is
 * refused for good, its hook runs and its signer is told; each call pays its contract's fee; and a
 * call whose transaction a crash left behind is settled from the chain, or signed again, never
 * applied twice.
 */
class LedgerOutboxTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerOutbox outbox;
    @Autowired
    OutboxRows rows;
    @Autowired
    LedgerService ledger;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCalls.RecordingHook hook;
    @Autowired
    UserDirectory directory;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aCallTheLedgerWouldRefuseIsToldAtOnceWithItsRuleAndNothingOfItsTransactionStays() {
        UserProfile patient = onChain(new TestAccounts(context).active(Role.PATIENT));
        UserProfile other = onChain(new TestAccounts(context).active(Role.PATIENT));
        long rowsBefore = rows.count();
        String marker = "refused-" + UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            jdbc.update("UPDATE users SET address = ? WHERE id = ?", marker, patient.id().value());
            // another patient anchors an entry of this patient's record: only the patient may
            outbox.queue(TestCalls.CALL, Signer.user(other.id()), null, "x", anchor(patient.ledgerAddress(), "entry-1", 1));
        })).isInstanceOfSatisfying(LedgerRefusedException.class, e -> {
            assertThat(e.refusal().rule()).isEqualTo("records.notPatient");
            assertThat(e.getMessage()).isEqualTo("The test call was refused: records.notPatient");
        });

        assertThat(rows.count()).as("nothing queued").isEqualTo(rowsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE address = ?", Integer.class, marker))
                .as("the caller's own writes rolled back with it").isZero();
    }

    @Test
    void aCallerMayGoOnWithoutARefusedCallAndKeepTheRestOfItsTransaction() {
        UserProfile patient = onChain(new TestAccounts(context).active(Role.PATIENT));
        UserProfile other = onChain(new TestAccounts(context).active(Role.PATIENT));
        String marker = "kept-" + UUID.randomUUID();

        // as an approval goes on when its welcome transfer cannot be paid
        transactions.executeWithoutResult(s -> {
            try {
                outbox.queue(TestCalls.CALL, Signer.user(other.id()), null, "x", anchor(patient.ledgerAddress(), "entry-2", 1));
            } catch (LedgerRefusedException expected) {
                jdbc.update("UPDATE users SET address = ? WHERE id = ?", marker, patient.id().value());
            }
        });

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE address = ?", Integer.class, marker)).isEqualTo(1);
    }

    @Test
    void aNewcomersFirstCallPassesItsDryRunWhileTheirRegistrationIsStillQueued() {
        UserProfile pending = new TestAccounts(context).pending(Role.PATIENT);
        Address address = transactions.execute(s -> context.getBean(KeyCustody.class).issueKey(pending.id()));
        // the registration is queued but not yet signed (a refusal took it out of the pool, say): nothing waiting names the newcomer
        transactions.executeWithoutResult(s -> rows.save(new OutboxRow("registry.register", null, "HOME_SEALER", address.toString(), "PATIENT",
                Registry.register(address, "PATIENT").encode(), java.time.Instant.now())));

        QueuedCall anchor = transactions.execute(s -> outbox.queue(TestCalls.CALL, Signer.user(pending.id()), null, "first",
                anchor(address, "first-" + UUID.randomUUID(), 1)));

        assertThat(anchor.status()).isEqualTo(LedgerReceipt.Status.QUEUED);
        Await.until("the newcomer's anchor is mined once the registration is", Duration.ofSeconds(60),
                () -> outbox.receipt(anchor).status() == LedgerReceipt.Status.COMMITTED);
    }

    @Test
    void aCallerThatCannotGoOnWithoutItsCallSendsItIfStillQueuedAndGetsItsBlock() {
        UserProfile patient = onChain(new TestAccounts(context).active(Role.PATIENT));
        String entry = "await-" + UUID.randomUUID();
        ContractCall anchor = anchor(patient.ledgerAddress(), entry, 1);
        // as a request thread leaves its call when another thread is sending: queued, not signed
        OutboxRow row = transactions.execute(s -> rows.save(new OutboxRow(TestCalls.CALL.toString(), patient.id().value(), null, null,
                entry, anchor.encode(), java.time.Instant.now())));
        QueuedCall call = new QueuedCall(row.getId(), TestCalls.CALL, Signer.user(patient.id()), null, entry, anchor,
                new LedgerReceipt(null, LedgerReceipt.Status.QUEUED, null, null));

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> outbox.awaitCommitted(call, Duration.ofSeconds(5))))
                .as("waiting inside a transaction would hold its connection").isInstanceOf(IllegalStateException.class);
        LedgerReceipt receipt = outbox.awaitCommitted(call, Duration.ofSeconds(30));

        assertThat(receipt.status()).isEqualTo(LedgerReceipt.Status.COMMITTED);
        assertThat(receipt.blockHeight()).isPositive();
        assertThat(outbox.receipt(call).txId()).isEqualTo(receipt.txId());
    }

    @Test
    void theDryRunSeesTheSignersCallsQueuedBeforeInTheSameTransaction() {
        UserProfile patient = onChain(new TestAccounts(context).active(Role.PATIENT));
        String entry = "dry-run-" + UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            outbox.queue(TestCalls.CALL, Signer.user(patient.id()), null, entry, anchor(patient.ledgerAddress(), entry, 1));
            outbox.queue(TestCalls.CALL, Signer.user(patient.id()), null, entry, anchor(patient.ledgerAddress(), entry, 1));
        })).isInstanceOfSatisfying(LedgerRefusedException.class, e -> assertThat(e.refusal().rule()).isEqualTo("records.duplicate"));
        assertThat(rows.findByRelatedIdAndKindOrderByIdDesc(entry, TestCalls.CALL.toString())).as("neither is queued").isEmpty();
    }

    @Test
    void aRaceOnlyABlockCanJudgeIsRefusedForGoodItsHookRunsAndItsSignerIsTold() {
        TestAccounts accounts = new TestAccounts(context);
        UserProfile patient = onChain(accounts.active(Role.PATIENT));
        UserProfile doctor = onChain(accounts.active(Role.DOCTOR));
        UserProfile firstAdmin = directory.findByUsername(DemoAccounts.ADMIN.username()).orElseThrow();
        UserProfile secondAdmin = promotedToAdmin(accounts.active(Role.DOCTOR), accounts);
        TestAccounts.as(doctor.username(), Role.DOCTOR, () -> context.getBean(DoctorConsent.class)
                .declareEmergency(patient.ledgerAddress(), "Collapsed in the waiting room, allergies unknown"));
        Emergency emergency = ConsentQueries.emergenciesOf(ledger.committedState(), patient.ledgerAddress()).get(0);

        // both admins judge the same emergency: each dry run passes (neither sees the other's call), the block takes one
        List<QueuedCall> both = transactions.execute(s -> List.of(
                outbox.queue(TestCalls.CALL, Signer.user(firstAdmin.id()), null, "first", ConsentCalls.reviewEmergency(emergency.id(), true, null)),
                outbox.queue(TestCalls.CALL, Signer.user(secondAdmin.id()), null, "second",
                        ConsentCalls.reviewEmergency(emergency.id(), false, Hash.sha256(new byte[] {7})))));
        Await.until("the race is settled", Duration.ofSeconds(60), () -> both.stream().noneMatch(c -> outbox.receipt(c).inFlight()));

        // a block takes the senders in turn: which of the two comes first is the block's choice
        List<LedgerReceipt> receipts = both.stream().map(outbox::receipt).toList();
        assertThat(receipts).extracting(LedgerReceipt::status)
                .containsExactlyInAnyOrder(LedgerReceipt.Status.COMMITTED, LedgerReceipt.Status.REFUSED);
        int lost = receipts.get(0).status() == LedgerReceipt.Status.REFUSED ? 0 : 1;
        String loserName = lost == 0 ? "first" : "second";
        UserProfile loserAdmin = lost == 0 ? firstAdmin : secondAdmin;
        LedgerReceipt loser = receipts.get(lost);
        String words = "Your test call " + loserName + " lost the race (consent.alreadyReviewed).";
        assertThat(loser.error()).isEqualTo(words);
        assertThat(hook.refused).contains(loserName + ":consent.alreadyReviewed");
        assertThat(hook.committed).anyMatch(c -> c.startsWith((lost == 0 ? "second" : "first") + "@"));
        // the inbox hears of the refusal through an event after the outbox's commit: the message arrives soon, not at once
        Await.until("the loser is told", Duration.ofSeconds(30), () -> TestAccounts.as(loserAdmin.username(), Role.ADMIN,
                () -> context.getBean(Inbox.class).mine()).stream().anyMatch(m -> m.title().equals("Not recorded on the ledger")));
        List<InboxMessage> told = TestAccounts.as(loserAdmin.username(), Role.ADMIN, () -> context.getBean(Inbox.class).mine());
        assertThat(told).anySatisfy(m -> {
            assertThat(m.title()).isEqualTo("Not recorded on the ledger");
            assertThat(m.body()).isEqualTo(words);
        });

        Hash refusedTx = loser.txId();
        outbox.sweep();
        assertThat(outbox.receipt(both.get(lost))).as("refused for good: never signed again").isEqualTo(loser);
        assertThat(ledger.refusalOf(refusedTx)).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("consent.alreadyReviewed"));
    }

    @Test
    void eachCallPaysTheFeeItsContractAsksFromItsSignersBalance() {
        UserProfile payer = directory.findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow();
        Address to = new TestAccounts(context).active(Role.PATIENT).ledgerAddress();
        long before = balance(payer.ledgerAddress());
        long amount = 250_000;

        QueuedCall transfer = transactions.execute(s -> outbox.queue(TestCalls.CALL, Signer.user(payer.id()), null, "fee",
                Tokens.transfer(to, amount)));
        Await.until("the transfer is mined", () -> outbox.receipt(transfer).status() == LedgerReceipt.Status.COMMITTED);

        long fee = ledger.genesis().parameters().minFee();
        assertThat(fee).isPositive();
        assertThat(jdbc.queryForObject("SELECT fee FROM ledger_outbox WHERE id = ?", Long.class, transfer.id())).isEqualTo(fee);
        assertThat(before - balance(payer.ledgerAddress())).as("the amount and the fee left the payer").isEqualTo(amount + fee);
        assertThat(jdbc.queryForList("SELECT fee FROM ledger_outbox WHERE kind = 'records.anchor' AND fee IS NOT NULL", Long.class))
                .as("a patient's anchor is fee-free").allMatch(f -> f == 0);
    }

    @Test
    void aCallWhoseTransactionWasMinedBeforeACrashIsSettledFromTheChainNotSentAgain() {
        UserProfile patient = onChain(new TestAccounts(context).active(Role.PATIENT));
        String entry = "mined-" + UUID.randomUUID();
        ContractCall call = anchor(patient.ledgerAddress(), entry, 1);
        // what a crash leaves: the call signed, its id on disk, the transaction mined, the settling lost
        Transaction tx = signedBy(patient, call);
        ledger.submitSigned(tx);
        long height = ledger.awaitCommitted(tx.id(), Duration.ofSeconds(30));
        long nonceAfter = ledger.committedState().nextNonce(patient.ledgerAddress());
        long id = pendingRow(patient, entry, call, tx);

        outbox.sweep();

        assertThat(rows.findById(id).orElseThrow()).satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(OutboxRow.Status.COMMITTED);
            assertThat(r.getBlockHeight()).isEqualTo(height);
            assertThat(r.getTxId()).isEqualTo(tx.id().hex());
        });
        assertThat(ledger.committedState().nextNonce(patient.ledgerAddress())).as("not sent again").isEqualTo(nonceAfter);
        assertThat(hook.committed).contains(entry + "@" + height);
    }

    @Test
    void aCallWhoseTransactionWasLostIsSignedAgainAndAppliedOnce() {
        UserProfile patient = onChain(new TestAccounts(context).active(Role.PATIENT));
        String entry = "lost-" + UUID.randomUUID();
        ContractCall call = anchor(patient.ledgerAddress(), entry, 1);
        // signed and made durable, then the process died before it reached the mempool
        Transaction lost = signedBy(patient, call);
        long id = pendingRow(patient, entry, call, lost);
        assertThat(outbox.inFlightOf(Signer.user(patient.id()))).as("the signer's calls in flight").extracting(QueuedCall::id).contains(id);

        outbox.sweep();
        Await.until("the call is signed again and mined", () -> rows.findById(id).orElseThrow().getStatus() == OutboxRow.Status.COMMITTED);
        assertThat(outbox.inFlightOf(Signer.user(patient.id()))).extracting(QueuedCall::id).doesNotContain(id);

        assertThat(ConsentQueries.anchorsOf(ledger.committedState(), patient.ledgerAddress()))
                .filteredOn(a -> a.entryId().equals(entry)).as("anchored once").hasSize(1);
        assertThat(ledger.committedState().nextNonce(patient.ledgerAddress())).as("one transaction of the patient's mined")
                .isEqualTo(lost.nonce() + 1);
    }

    /** The call signed with the user's key in custody and its next nonce, as the outbox signs it. */
    private Transaction signedBy(UserProfile user, ContractCall call) {
        return context.getBean(KeyCustody.class).withPrivateKey(user.id(),
                key -> ledger.sign(key, ledger.nextNonce(user.ledgerAddress()), call, 0));
    }

    private long pendingRow(UserProfile signer, String related, ContractCall call, Transaction tx) {
        return transactions.execute(s -> {
            OutboxRow row = new OutboxRow(TestCalls.CALL.toString(), signer.id().value(), null, null, related, call.encode(),
                    java.time.Instant.now());
            row.signed(tx.id().hex(), tx.nonce(), tx.fee(), java.time.Instant.now());
            return rows.save(row).getId();
        });
    }

    private UserProfile promotedToAdmin(UserProfile doctor, TestAccounts accounts) {
        UserProfile admin = accounts.asAdmin(() -> context.getBean(AccountAdministration.class).changeRole(doctor.id(), Role.ADMIN));
        Await.until("the new admin is an admin on the ledger", () -> Registry.roleOf(ledger.committedState().view(), admin.ledgerAddress())
                .filter("ADMIN"::equals).isPresent());
        return admin;
    }

    private UserProfile onChain(UserProfile user) {
        Await.until(user.fullName() + " is on the ledger's registry",
                () -> Registry.roleOf(ledger.committedState().view(), user.ledgerAddress()).isPresent());
        return user;
    }

    private long balance(Address account) {
        return Tokens.balanceOf(ledger.committedState().view(), account);
    }

    private static ContractCall anchor(Address patient, String entry, long version) {
        return Anchors.anchor(patient, entry, version, RecordCategory.CLINICAL_NOTE, Hash.sha256(entry.getBytes()));
    }
}
