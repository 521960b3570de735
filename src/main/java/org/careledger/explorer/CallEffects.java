package org.careledger.explorer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.careledger.contracts.Consent;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.ConsentRequest;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.node.TransactionCommitted;
import org.careledger.wallet.TokenEffect;
import org.careledger.wallet.TokenEffects;
import org.springframework.stereotype.Component;

/**
 * Decodes what a call did: its token movements through the wallet's {@link TokenEffects} (so the
 * explorer and the wallet never disagree), and the consent state changes of the consent contract's
 * calls, with the parties read from the committed state (a grant names only its request, whose
 * patient and doctor the state keeps). Also says which addresses a transaction concerns: the one
 * rule behind the per-address index and a patient's right to see a transaction.
 */
@Component
class CallEffects {

    private final TokenEffects tokens;

    CallEffects(TokenEffects tokens) {
        this.tokens = tokens;
    }

    /** The effects of {@code call} sent by {@code sender} in transaction {@code txId}, read against {@code state}. */
    List<TxEffect> of(Hash txId, Address sender, ContractCall call, ContractState state) {
        List<TxEffect> out = new ArrayList<>();
        for (TokenEffect.Movement m : tokens.of(sender, call, () -> state)) {
            out.add(new TxEffect.TokensMoved(m.from(), m.to(), m.amount()));
        }
        if (Consent.NAME.equals(call.contract())) {
            try {
                consentChange(txId, sender, call, state).ifPresent(out::add);
            } catch (RuntimeException malformed) {
                // arguments the contract would refuse: it changed nothing
            }
        }
        return out;
    }

    /** Every address the transaction concerns: its sender, the addresses among its arguments, each side of its effects. */
    static Set<Address> concerned(Address sender, ContractCall call, List<TxEffect> effects) {
        Set<Address> out = new LinkedHashSet<>(TransactionCommitted.partiesOf(sender, call));
        for (TxEffect e : effects) {
            if (e instanceof TxEffect.TokensMoved t) {
                out.add(t.from());
                out.add(t.to());
            } else if (e instanceof TxEffect.ConsentChanged c) {
                out.add(c.patient());
                if (c.doctor() != null) {
                    out.add(c.doctor());
                }
            }
        }
        return out;
    }

    private Optional<TxEffect> consentChange(Hash txId, Address sender, ContractCall call, ContractState state) {
        List<Arg> args = call.args();
        return switch (call.method()) {
            case "request" -> Optional.of(new TxEffect.ConsentChanged("request opened", txId, address(args, 0), sender,
                    "purpose " + ((Arg.Text) args.get(1)).value() + ", " + categories(u64(args, 2)) + ", for " + duration(u64(args, 3))
                            + hashNote(", note hash ", digest(args, 4))));
            case "grant" -> Optional.of(new TxEffect.ConsentChanged("request granted", digest(args, 0), sender,
                    doctorOfRequest(state, sender, digest(args, 0)), categories(u64(args, 1)) + ", for " + duration(u64(args, 2))));
            case "deny" -> Optional.of(new TxEffect.ConsentChanged("request denied", digest(args, 0), sender,
                    doctorOfRequest(state, sender, digest(args, 0)), hashNote("reason hash ", digest(args, 1), "no reason given")));
            case "revoke" -> Optional.of(new TxEffect.ConsentChanged("grant revoked", digest(args, 0), sender,
                    doctorOfRequest(state, sender, digest(args, 0)), "access ends with this block"));
            case "emergency" -> Optional.of(new TxEffect.ConsentChanged("emergency access declared", txId, address(args, 0), sender,
                    hashNote("reason hash ", digest(args, 1), "no reason hash")));
            case "reviewEmergency" -> {
                Hash id = digest(args, 0);
                Optional<Address> patient = ConsentQueries.patientOf(state, id);
                Address doctor = patient.flatMap(p -> ConsentQueries.emergenciesOf(state, p).stream().filter(e -> e.id().equals(id))
                        .findFirst()).map(e -> e.doctor()).orElse(null);
                boolean justified = args.get(1) instanceof Arg.Flag f && f.value();
                yield patient.map(p -> new TxEffect.ConsentChanged("emergency access reviewed", id, p, doctor,
                        (justified ? "judged justified" : "judged not justified") + hashNote(", comment hash ", digest(args, 2))));
            }
            default -> Optional.empty();
        };
    }

    private static Address doctorOfRequest(ContractState state, Address patient, Hash requestId) {
        return ConsentQueries.request(state, patient, requestId).map(ConsentRequest::doctor).orElse(null);
    }

    private static String categories(long bits) {
        Set<RecordCategory> set = RecordCategory.fromBits(bits);
        return set.isEmpty() ? "no categories" : "categories " + set.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    /** "30 days", "12 hours", "45 minutes". */
    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
            return plural(d.toDays(), "day");
        }
        if (d.toHours() >= 1 && d.toMinutes() % 60 == 0) {
            return plural(d.toHours(), "hour");
        }
        return plural(Math.max(0, d.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String hashNote(String label, Hash hash) {
        return hashNote(label, hash, "");
    }

    private static String hashNote(String label, Hash hash, String none) {
        return hash.equals(Hash.ZERO) ? none : label + hash.hex();
    }

    private static Address address(List<Arg> args, int i) {
        return ((Arg.Addr) args.get(i)).value();
    }

    private static long u64(List<Arg> args, int i) {
        return ((Arg.U64) args.get(i)).value();
    }

    private static Hash digest(List<Arg> args, int i) {
        return ((Arg.Digest) args.get(i)).value();
    }
}
