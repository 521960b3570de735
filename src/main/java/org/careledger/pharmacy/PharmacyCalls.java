package org.careledger.pharmacy;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careledger.crypto.Address;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.careledger.outbox.Refusals;
import org.careledger.records.PrescriptionEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The pharmacy's ledger calls and what happens when one settles, in the settling transaction: an
 * issued prescription's entry is anchored by it (or, refused, removed from the record); a settled fill
 * frees the prescription for the next one (the patient's QR code follows the chain: see
 * {@link QrSecrets}), and a mined one tells the patient an invoice is waiting. Every call's related id is the portal's id of the prescription or the fill;
 * the subject is the patient's address.
 */
@Component
class PharmacyCalls implements CallHook {

    static final CallKind ISSUE = new CallKind("pharmacy", "issue");
    static final CallKind CANCEL = new CallKind("pharmacy", "cancel");
    static final CallKind DISPENSE = new CallKind("pharmacy", "dispense");
    static final CallKind REVERSE = new CallKind("pharmacy", "reverse");
    static final CallKind READ = new CallKind("pharmacy", "read");

    private static final Logger security = LoggerFactory.getLogger("careledger.security");
    private static final Pattern ALREADY = Pattern.compile("already dispensed by (0x[0-9a-fA-F]{40}) at block (\\d+)");

    private final PrescriptionRows rows;
    private final PrescriptionEntries entries;
    private final PrescriptionViews names;
    private final KeyCustody custody;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    PharmacyCalls(PrescriptionRows rows, PrescriptionEntries entries, PrescriptionViews names, KeyCustody custody, UserDirectory users,
                  ApplicationEventPublisher events) {
        this.rows = rows;
        this.entries = entries;
        this.names = names;
        this.custody = custody;
        this.users = users;
        this.events = events;
    }

    @Override
    public Set<CallKind> kinds() {
        return Set.of(ISSUE, CANCEL, DISPENSE, REVERSE, READ);
    }

    @Override
    public boolean sentInBackground(CallKind kind) {
        return kind.equals(READ); // a read is shown once its audit event is durable, as the records module does
    }

    @Override
    public void committed(QueuedCall call, long height) {
        if (call.kind().equals(ISSUE)) {
            rows.find(call.relatedId()).ifPresent(rx -> {
                rows.issued(rx.id(), call.txId(), height);
                entries.issued(rx.entryId(), call.txId());
                events.publishEvent(new PrescriptionIssued(rx.id(), rx.patient(), rx.prescriber(), names.medicineName(rx.medicine()), height));
            });
        } else if (call.kind().equals(DISPENSE)) {
            rows.fill(call.relatedId()).ifPresent(f -> {
                rows.fillMined(f.id(), call.txId(), height);
                rows.fillSettled(f.prescriptionId());
                rows.find(f.prescriptionId()).ifPresent(rx -> events.publishEvent(new PrescriptionDispensed(rx.id(), rx.patient(),
                        f.providerId(), names.providerName(f.providerId()), names.medicineName(rx.medicine()), f.quantity(), call.txId(),
                        Math.multiplyExact(f.quantity(), f.unitPrice()), height)));
            });
        } else if (call.kind().equals(CANCEL)) {
            rows.find(call.relatedId()).ifPresent(rx -> events.publishEvent(new PrescriptionCancelled(rx.id(), rx.patient(),
                    rx.prescriber(), names.medicineName(rx.medicine()), height)));
        }
    }

    @Override
    public Optional<String> refused(QueuedCall call, Refusal refusal) {
        String plain = explain(call.kind(), refusal);
        if (call.kind().equals(ISSUE)) {
            rows.find(call.relatedId()).ifPresent(rx -> {
                rows.refused(rx.id(), plain);
                entries.refused(rx.entryId());
            });
            return Optional.of("Your prescription could not be recorded on the ledger. " + plain);
        }
        if (call.kind().equals(DISPENSE)) {
            rows.fill(call.relatedId()).ifPresent(f -> {
                rows.fillRefused(f.id(), plain);
                rows.fillSettled(f.prescriptionId());
            });
            return Optional.of("The dispensing could not be recorded on the ledger. " + plain);
        }
        if (call.kind().equals(READ)) {
            security.warn("A pharmacist's read of prescription {} of patient {} could not be recorded on the ledger's audit: {}: {}",
                    call.relatedId(), call.subject(), refusal.rule(), refusal.reason());
            return Optional.empty();
        }
        return Optional.of(plain);
    }

    @Override
    public String explain(CallKind kind, Refusal refusal) {
        switch (refusal.rule()) {
            case "prescriptions.alreadyDispensed": {
                Matcher m = ALREADY.matcher(refusal.reason());
                if (m.find()) {
                    return "This prescription was already dispensed by " + personAt(Address.parse(m.group(1))) + " at block " + m.group(2)
                            + ": the QR code presented was used.";
                }
                return "This prescription was already dispensed with this QR code.";
            }
            case "prescriptions.noConsent":
                return "The patient's consent no longer covers their medication (it was revoked or ended), and you hold no emergency access.";
            case "prescriptions.expired":
                return "The prescription has expired: it can no longer be dispensed.";
            case "prescriptions.cancelled":
                return "The prescription was cancelled by its prescriber.";
            case "prescriptions.completed":
                return "The prescription was completed: everything it allows was dispensed.";
            case "prescriptions.overQuantity":
                return "That is more than is left on the prescription.";
            case "prescriptions.secret":
                return "The QR code presented is not the prescription's current one: ask the patient for the code their portal shows now.";
            case "prescriptions.reverseWindow":
                return "A dispensing can be reversed only within 24 hours of its block.";
            case "prescriptions.alreadyReversed":
                return "This dispensing was already reversed.";
            default:
                if (refusal.rule().startsWith("tokens.")) {
                    return "The pharmacy's account cannot cover the refund: " + Refusals.plainWords(refusal);
                }
                return Refusals.plainWords(refusal);
        }
    }

    private String personAt(Address address) {
        return custody.ownerOf(address).flatMap(users::find).map(UserProfile::fullName).orElse(address.toString());
    }
}
