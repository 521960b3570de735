package org.careledger.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careledger.contracts.Anchors;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Prescription;
import org.careledger.contracts.PrescriptionQueries;
import org.careledger.contracts.Prescriptions;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Arg;
import org.careledger.node.TransactionCommitted;
import org.careledger.records.ClinicalFacts;
import org.springframework.stereotype.Component;

/**
 * What each committed transaction adds to the figures: a diagnosis anchored (its first version) is a
 * new diagnosis of its condition on its clinical date; a prescription issued, dispensed or cancelled
 * is a prescription event of its medicine on the block's day. A fact's scope is the provider of the
 * doctor who wrote or prescribed it. Keys outside a figure's top keys count as {@link HistoryCells#OTHER},
 * the top keys being those of the bundled history, so the portal's cells add to the history's.
 */
@Component
class FactSources {

    private final ClinicalFacts clinical;
    private final KeyCustody custody;
    private final UserDirectory users;
    private final CubeCache cubes;

    FactSources(ClinicalFacts clinical, KeyCustody custody, UserDirectory users, CubeCache cubes) {
        this.clinical = clinical;
        this.custody = custody;
        this.users = users;
        this.cubes = cubes;
    }

    List<Fact> of(TransactionCommitted tx, Instant blockTime, ContractState state) {
        LocalDate day = blockTime.atZone(ZoneOffset.UTC).toLocalDate();
        List<Fact> out = new ArrayList<>();
        List<Arg> args = tx.call().args();
        String txId = tx.transactionId().hex();
        if (tx.contract().equals(Anchors.NAME) && tx.method().equals("anchor") && args.size() >= 4
                && args.get(3) instanceof Arg.Text category && category.value().equals(RecordCategory.DIAGNOSIS.name())
                && args.get(0) instanceof Arg.Addr patient && args.get(1) instanceof Arg.Text entry && args.get(2) instanceof Arg.U64 version
                && version.value() == 1) {
            clinical.diagnosis(entry.value(), version.value()).ifPresent(d -> out.add(new Fact(txId, HistoryCells.DIAGNOSES,
                    List.of(keyOf(HistoryCells.DIAGNOSES, 0, d.code())), d.clinicalDate() == null ? day : d.clinicalDate(),
                    scopeOf(d.author()), patient.value().toLowerHex(), tx.height())));
        } else if (tx.contract().equals(Prescriptions.NAME)) {
            switch (tx.method()) {
                case "issue" -> {
                    if (args.size() >= 2 && args.get(0) instanceof Arg.Addr patient && args.get(1) instanceof Arg.Text medicine) {
                        out.add(prescriptionFact(txId, "issued", medicine.value(), day, tx.sender(), patient.value(), tx.height()));
                    }
                }
                case "dispense", "cancel" -> {
                    if (!args.isEmpty() && args.get(0) instanceof Arg.Digest id) {
                        Optional<Prescription> p = PrescriptionQueries.prescription(state, id.value());
                        p.ifPresent(rx -> out.add(prescriptionFact(txId, tx.method().equals("dispense") ? "dispensed" : "cancelled",
                                rx.medicineCode(), day, rx.prescriber(), rx.patient(), tx.height())));
                    }
                }
                default -> {
                    // a reversal undoes a fill; the figure counts dispensing events as they happened
                }
            }
        }
        return out;
    }

    private Fact prescriptionFact(String txId, String state, String medicine, LocalDate day, Address prescriber, Address patient,
                                  long height) {
        return new Fact(txId, HistoryCells.PRESCRIPTIONS, List.of(state, keyOf(HistoryCells.PRESCRIPTIONS, 1, medicine)), day,
                scopeOf(custody.ownerOf(prescriber).orElse(null)), patient.toLowerHex(), height);
    }

    private String keyOf(String figure, int part, String code) {
        return cubes.history().keys(figure, part).containsKey(code) ? code : HistoryCells.OTHER;
    }

    private String scopeOf(UserId author) {
        if (author == null) {
            return Fact.NO_PROVIDER;
        }
        return users.find(author).map(UserProfile::providerId).map(id -> "provider:" + id).orElse(Fact.NO_PROVIDER);
    }

}
