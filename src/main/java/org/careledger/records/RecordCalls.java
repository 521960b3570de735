package org.careledger.records;

import java.util.Optional;
import java.util.Set;

import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Refusal;
import org.careledger.outbox.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ledger calls of the records module, and what it does when one settles. Views read where a
 * call stands from the outbox and the chain, so a commit needs nothing more; a refusal after
 * queueing (a race, such as a decision on a request already decided in another tab) is told to the
 * person who signed it in plain words. Every subject is the patient's address.
 */
@Component
class RecordCalls implements CallHook {

    static final CallKind ANCHOR = new CallKind("records", "anchor");
    static final CallKind ACCESS = new CallKind("records", "access");
    static final CallKind REQUEST = new CallKind("records", "request");
    static final CallKind GRANT = new CallKind("records", "grant");
    static final CallKind DENY = new CallKind("records", "deny");
    static final CallKind REVOKE = new CallKind("records", "revoke");
    static final CallKind EMERGENCY = new CallKind("records", "emergency");
    static final CallKind REVIEW = new CallKind("records", "review");

    private static final Logger security = LoggerFactory.getLogger("careledger.security");

    @Override
    public Set<CallKind> kinds() {
        return Set.of(ANCHOR, ACCESS, REQUEST, GRANT, DENY, REVOKE, EMERGENCY, REVIEW);
    }

    @Override
    public boolean sentInBackground(CallKind kind) {
        return kind.equals(ACCESS); // a read is shown once its audit event is durable, not after its signing
    }

    @Override
    public Optional<String> refused(QueuedCall call, Refusal refusal) {
        if (call.kind().equals(ANCHOR) && refusal.rule().equals("records.duplicate")) {
            return Optional.empty(); // this version is anchored already (sent before a crash): the record reads it from the chain
        }
        if (call.kind().equals(ACCESS)) {
            security.warn("A read of entry {} of patient {} could not be recorded on the ledger's audit: {}: {}", call.relatedId(),
                    call.subject(), refusal.rule(), refusal.reason());
        }
        return Optional.of(subject(call.kind()) + " could not be recorded on the ledger. " + explain(call.kind(), refusal));
    }

    /** What the person did, as the start of a sentence. */
    private static String subject(CallKind kind) {
        return switch (kind.name()) {
            case "anchor" -> "The anchor of your entry";
            case "access" -> "Your read of the record";
            case "request" -> "Your access request";
            case "grant" -> "Your grant";
            case "deny" -> "Your denial of the request";
            case "revoke" -> "Your revocation";
            case "emergency" -> "Your emergency access";
            case "review" -> "Your review of the emergency access";
            default -> "Your action";
        };
    }

    @Override
    public String explain(CallKind kind, Refusal refusal) {
        return switch (refusal.rule()) {
            case "consent.notPending" -> "This request was already decided.";
            case "consent.alreadyRevoked" -> "This grant was already revoked.";
            case "consent.expired" -> "This grant has already ended.";
            case "consent.widerThanRequested" -> "A grant can cover at most what was asked for, for at most as long.";
            case "consent.notDoctor" -> "Your account is not registered on the ledger as a doctor yet; try again in a moment.";
            case "consent.unknownPatient", "records.unknownPatient" -> "The patient is not registered on the ledger yet; try again in a moment.";
            case "consent.notPatient", "records.notPatient" -> "Only the patient decides about their own record.";
            case "consent.notAdmin" -> "Your account is not registered on the ledger as an admin yet; try again in a moment.";
            case "consent.alreadyReviewed" -> "Another admin has already reviewed this emergency access.";
            case "consent.unknownRequest", "consent.unknownGrant", "consent.unknownEmergency" ->
                    "The ledger does not know this " + what(kind) + " (yet); reload the page and try again.";
            case "records.duplicate" -> "This version of the entry is already anchored.";
            case "audit.notAllowed" -> "Your access had ended when the read was to be recorded.";
            default -> Refusals.plainWords(refusal);
        };
    }

    private static String what(CallKind kind) {
        return switch (kind.name()) {
            case "grant", "deny" -> "request";
            case "revoke" -> "grant";
            case "review" -> "emergency access";
            default -> "record";
        };
    }
}
