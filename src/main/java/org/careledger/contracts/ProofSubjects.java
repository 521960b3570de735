package org.careledger.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;

/**
 * The standard {@code subject} of a proof bundle: what its transaction proves, in words a reader of
 * the JSON understands. Values are strings and numbers only (addresses in EIP-55 form, digests as
 * lower-case hex), so a subject reads back from JSON as it was written. Every map returned is unmodifiable.
 *
 * <pre>
 * {"kind": "anchor", "patient": "0x…", "entryId": "…", "version": 2, "category": "LAB_RESULT", "saltedHash": "…"}
 * {"kind": "consent", "method": "grant", "id": "…"}        (id: the request's, grant's or emergency's id)
 * {"kind": "transfer", "to": "0x…", "amount": 10000000}
 * {"kind": "registration", "user": "0x…", "role": "DOCTOR"}
 * {"kind": "access", "patient": "0x…", "entryId": "…", "category": "…", "basisId": "…"}
 * </pre>
 *
 * {@link #of(Transaction)} derives the subject from the transaction itself, and {@link #mismatch}
 * tells whether a claimed subject says anything the transaction does not.
 */
public final class ProofSubjects {

    /** The consent methods a subject may name. */
    public static final Set<String> CONSENT_METHODS = Set.of("request", "grant", "deny", "revoke", "emergency", "reviewEmergency");

    private ProofSubjects() {
    }

    /** An anchored version of a record entry. */
    public static Map<String, Object> anchor(Address patient, String entryId, long version, RecordCategory category, Hash saltedHash) {
        Map<String, Object> subject = kind("anchor");
        subject.put("patient", patient.toString());
        subject.put("entryId", Objects.requireNonNull(entryId, "entryId"));
        subject.put("version", version);
        subject.put("category", category.name());
        subject.put("saltedHash", saltedHash.hex());
        return Collections.unmodifiableMap(subject);
    }

    /** As above, for an anchor read from the committed state. */
    public static Map<String, Object> anchor(Anchor anchor) {
        return anchor(anchor.patient(), anchor.entryId(), anchor.version(), anchor.category(), anchor.saltedHash());
    }

    /**
     * A consent decision or declaration. {@code id} is the request's id for request, grant and deny,
     * the grant's (its request's) for revoke, the emergency's for emergency and reviewEmergency.
     *
     * @throws IllegalArgumentException if {@code method} is not one of {@link #CONSENT_METHODS}
     */
    public static Map<String, Object> consent(String method, Hash id) {
        if (!CONSENT_METHODS.contains(method)) {
            throw new IllegalArgumentException("A consent subject's method is one of " + CONSENT_METHODS + ", not " + method);
        }
        Map<String, Object> subject = kind("consent");
        subject.put("method", method);
        subject.put("id", id.hex());
        return Collections.unmodifiableMap(subject);
    }

    /** A token transfer. */
    public static Map<String, Object> transfer(Address to, long amount) {
        Map<String, Object> subject = kind("transfer");
        subject.put("to", to.toString());
        subject.put("amount", amount);
        return Collections.unmodifiableMap(subject);
    }

    /**
     * The subject that {@code tx} itself supports: what its contract call does. A call this class
     * does not describe gives {@code {"kind": "call", "contract": …, "method": …}}.
     */
    public static Map<String, Object> of(Transaction tx) {
        ContractCall call = tx.call();
        List<Arg> args = call.args();
        try {
            return switch (call.contract() + "." + call.method()) {
                case Anchors.NAME + ".anchor" -> anchor(address(args, 0), entryId(args, 1), u64(args, 2),
                        RecordCategory.valueOf(text(args, 3)), digest(args, 4));
                case Consent.NAME + ".request", Consent.NAME + ".emergency" -> consent(call.method(), tx.id());
                case Consent.NAME + ".grant", Consent.NAME + ".deny", Consent.NAME + ".revoke",
                     Consent.NAME + ".reviewEmergency" -> consent(call.method(), digest(args, 0));
                case Tokens.NAME + ".transfer" -> transfer(address(args, 0), u64(args, 1));
                case Registry.NAME + ".register" -> registration(address(args, 0), text(args, 1));
                case Audit.NAME + ".access" -> access(address(args, 0), entryId(args, 1), text(args, 2), digest(args, 3));
                default -> call(call);
            };
        } catch (RuntimeException malformed) {
            return call(call);
        }
    }

    /**
     * Why {@code claimed} says something {@code tx} does not support, or empty if every entry of it
     * is what {@link #of(Transaction)} says (an empty subject claims nothing).
     */
    public static Optional<String> mismatch(Map<String, Object> claimed, Transaction tx) {
        Map<String, Object> actual = of(tx);
        for (Map.Entry<String, Object> e : claimed.entrySet()) {
            Object expected = actual.get(e.getKey());
            if (expected == null) {
                return Optional.of("the subject says " + e.getKey() + "=" + e.getValue() + ", which the transaction does not");
            }
            if (!String.valueOf(expected).equals(String.valueOf(e.getValue()))) {
                return Optional.of("the subject says " + e.getKey() + "=" + e.getValue() + ", the transaction says " + expected);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> registration(Address user, String role) {
        Map<String, Object> subject = kind("registration");
        subject.put("user", user.toString());
        subject.put("role", role);
        return Collections.unmodifiableMap(subject);
    }

    private static Map<String, Object> access(Address patient, String entryId, String category, Hash basisId) {
        Map<String, Object> subject = kind("access");
        subject.put("patient", patient.toString());
        subject.put("entryId", entryId);
        subject.put("category", category);
        subject.put("basisId", basisId.hex());
        return Collections.unmodifiableMap(subject);
    }

    private static Map<String, Object> call(ContractCall call) {
        Map<String, Object> subject = kind("call");
        subject.put("contract", call.contract());
        subject.put("method", call.method());
        return Collections.unmodifiableMap(subject);
    }

    private static Map<String, Object> kind(String kind) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("kind", kind);
        return subject;
    }

    private static Address address(List<Arg> args, int i) {
        return ((Arg.Addr) args.get(i)).value();
    }

    private static String text(List<Arg> args, int i) {
        return ((Arg.Text) args.get(i)).value();
    }

    private static long u64(List<Arg> args, int i) {
        return ((Arg.U64) args.get(i)).value();
    }

    private static Hash digest(List<Arg> args, int i) {
        return ((Arg.Digest) args.get(i)).value();
    }

    /** An entry id as the records contract reads it: a digest's hex or the text itself. */
    private static String entryId(List<Arg> args, int i) {
        return args.get(i) instanceof Arg.Digest d ? d.value().hex() : text(args, i);
    }
}
