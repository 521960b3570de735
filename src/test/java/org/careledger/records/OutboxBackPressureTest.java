package org.careledger.records;

import java.util.List;
import java.util.function.Supplier;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Anchors;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Node;
import org.careledger.ledger.Transaction;
import org.careledger.node.LedgerService;
import org.careledger.node.TestLedger;
import org.careledger.outbox.LedgerOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient whose share of the mempool is full (as many fee-free transactions waiting as one sender
 * may have) still writes entries: their anchors wait in the outbox, queued and never failed, through
 * the sweeps that retry them, and are anchored once the share frees.
 */
class OutboxBackPressureTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PatientRecords records;
    @Autowired
    LedgerOutbox outbox;
    @Autowired
    LedgerService ledger;
    @Autowired
    KeyCustody custody;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void entriesWrittenWhileThePatientsShareIsFullWaitQueuedAndAreAnchoredOnceItFrees() {
        UserProfile patient = new TestAccounts(context).active(Role.PATIENT);
        Address address = patient.ledgerAddress();
        Await.until("the patient is on the ledger's registry", () -> Registry.roleOf(ledger.committedState().view(), address).isPresent());
        Node home = TestLedger.homeNode(context);
        int share = home.mempool().limits().maxFeeFreePerSender();
        long next = ledger.nextNonce(address);
        // the share filled with anchors one nonce beyond the next: none can be mined until that nonce is used
        custody.withPrivateKey(patient.id(), key -> {
            for (int i = 1; i <= share; i++) {
                submit(home, fillerAnchor(key, address, next + i, i + 1));
            }
            return null;
        });

        RecordEntryView peanuts = as(patient, () -> records.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(null, null, "Peanuts", null)));
        RecordEntryView latex = as(patient, () -> records.addSelfReported(RecordCategory.ALLERGY,
                EntryContent.coded(null, null, "Latex", null)));
        outbox.sweep(); // a retry while the share is still full

        assertThat(List.of(status(peanuts), status(latex))).containsOnly("QUEUED");

        custody.withPrivateKey(patient.id(), key -> submit(home, fillerAnchor(key, address, next, 1))); // the share is mined and frees
        Await.until("both entries' anchors are committed", () -> status(peanuts).equals("COMMITTED") && status(latex).equals("COMMITTED"));

        assertThat(anchored(address, peanuts) && anchored(address, latex)).as("both anchors are on the ledger").isTrue();
        assertThat(as(patient, () -> records.myRecord()))
                .filteredOn(e -> e.entryId().equals(peanuts.entryId()) || e.entryId().equals(latex.entryId())).hasSize(2).allSatisfy(e -> assertThat(e.integrity()).isEqualTo(Integrity.VERIFIED));
    }

    /** Version {@code version} of one filler entry, so the record shows one entry without content, not a thousand. */
    private Transaction fillerAnchor(PrivateKey key, Address patient, long nonce, long version) {
        return Transaction.sign(ledger.genesis().chainId(), key, nonce,
                Anchors.anchor(patient, "burst-filler", version, RecordCategory.CLINICAL_NOTE, Hash.sha256(new byte[] {(byte) version})), 0);
    }

    private static Object submit(Node home, Transaction tx) {
        try {
            home.submit(tx, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return null;
    }

    private String status(RecordEntryView entry) {
        return jdbc.queryForObject("SELECT status FROM ledger_outbox WHERE related_id = ?", String.class, entry.entryId().value());
    }

    private boolean anchored(Address patient, RecordEntryView entry) {
        return ConsentQueries.anchorsOf(ledger.committedState(), patient).stream().anyMatch(a -> a.entryId().equals(entry.entryId().value()));
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}
