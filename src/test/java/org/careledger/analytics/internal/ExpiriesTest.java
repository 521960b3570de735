package org.careledger.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.RecordCategory;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.pharmacy.PharmacyPeople;
import org.careledger.pharmacy.PrescriptionDraft;
import org.careledger.pharmacy.Prescribing;
import org.careledger.records.EntryRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Expired prescriptions, which no transaction announces: the feed registers each one issued, and
 * counts it as expired (once) when a block passes its expiry, unless it was dispensed in full or
 * cancelled; a reorganisation takes both back. A prescription is valid for a day at least, so the
 * passing of time is played here by asking with a later time.
 */
class ExpiriesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Expiries expiries;
    @Autowired
    FactSources sources;
    @Autowired
    Prescribing prescribing;
    @Autowired
    LedgerService ledger;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void anIssuedPrescriptionIsRegisteredAndCountedAsExpiredOnceAtItsExpiry() {
        PharmacyPeople people = new PharmacyPeople(context);
        UserProfile doctor = people.active(Role.DOCTOR);
        UserProfile patient = people.active(Role.PATIENT);
        people.consent(doctor, patient, Set.of(RecordCategory.MEDICATION));
        TestAccounts.as(doctor.username(), Role.DOCTOR, () -> prescribing.prescribe(patient.ledgerAddress(),
                new PrescriptionDraft("314076", "1 tablet", "Oral", "once a day", 30, 30L, 0, 30, null, EntryRules.SNOMED, "59621000",
                        "Essential hypertension (disorder)", null)));
        String[] id = new String[1];
        Await.until("the prescription is registered to expire", () -> {
            List<Expiries.Expiry> later = expiries.due(Instant.now().plusSeconds(400L * 24 * 3600));
            return later.stream().anyMatch(e -> {
                boolean mine = jdbc.queryForObject("SELECT COUNT(*) FROM analytics_facts WHERE tx_id = ? AND figure = 'prescriptions'",
                        Long.class, e.rxId()) > 0 && sources.expiredFacts(List.of(e), 1, ledger.committedStateForReading()).stream()
                        .anyMatch(f -> f.patientRef().equals(patient.ledgerAddress().toLowerHex()));
                if (mine) {
                    id[0] = e.rxId();
                }
                return mine;
            });
        });
        assertThat(expiries.due(Instant.now())).as("not due before its expiry").noneMatch(e -> e.rxId().equals(id[0]));
        Expiries.Expiry expiry = expiries.due(Instant.now().plusSeconds(400L * 24 * 3600)).stream().filter(e -> e.rxId().equals(id[0]))
                .findFirst().orElseThrow();

        List<Fact> facts = sources.expiredFacts(List.of(expiry), 1, ledger.committedStateForReading());
        assertThat(facts).extracting(Fact::figure).containsExactlyInAnyOrder("prescriptions", "prescriptions.doctor");
        Fact expired = facts.stream().filter(f -> f.figure().equals("prescriptions")).findFirst().orElseThrow();
        assertThat(expired.key()).containsExactly("expired", HistoryCells.ANY_MEDICINE);
        assertThat(expired.day()).isEqualTo(expiry.expiresAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        assertThat(expiry.expiresAt()).as("valid for its 30 days").isAfter(Instant.now().plusSeconds(29L * 24 * 3600));
        assertThat(expired.txId()).as("keyed apart from the issue's fact").isNotEqualTo(id[0]).hasSize(64);

        // once passed, it is not due again; a reorganisation below the block that passed it makes it due again
        long far = 1_000_000_000_000L;
        expiries.passed(List.of(id[0]), far);
        assertThat(expiries.due(Instant.now().plusSeconds(400L * 24 * 3600))).noneMatch(e -> e.rxId().equals(id[0]));
        expiries.rollBackFrom(far);
        assertThat(expiries.due(Instant.now().plusSeconds(400L * 24 * 3600))).anyMatch(e -> e.rxId().equals(id[0]));
    }
}
