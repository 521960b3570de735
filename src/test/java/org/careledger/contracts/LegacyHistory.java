package org.careledger.contracts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;

/**
 * A fixed history of the dev chain written before the prescriptions and invoices contracts existed:
 * registrations, a transfer, a consent request, its grant, an emergency, an anchor, a read and a
 * revocation, applied block by block to the standard contracts' state. Its state roots were
 * computed by the code of that time and are pinned in {@link StandardChainCompatibilityTest}, so
 * a change that alters how an existing chain replays fails there.
 */
final class LegacyHistory {

    static final PrivateKey SEALER = DevConsortium.sealerKey(0);
    static final PrivateKey ADMIN = DevAccounts.ganacheAccount(14);
    static final PrivateKey DOCTOR = DevAccounts.ganacheAccount(0);
    static final PrivateKey PAYER = DevAccounts.ganacheAccount(2);
    static final PrivateKey PATIENT = DevAccounts.ganacheAccount(12);
    static final PrivateKey PHARMACIST = DevAccounts.ganacheAccount(15);

    private final Genesis genesis = DevConsortium.genesis();
    private final ContractState state = Contracts.standard().genesisState(genesis);
    private final Map<Address, Long> nonces = new HashMap<>();
    private long height;

    private LegacyHistory() {
    }

    /** The state root after each block of the history, genesis first. */
    static List<Hash> roots() {
        LegacyHistory h = new LegacyHistory();
        List<Hash> roots = new ArrayList<>();
        roots.add(h.state.root());
        long t = DevConsortium.GENESIS_TIME;
        roots.add(h.block(t + 1000,
                h.sign(SEALER, Registry.register(ADMIN.address(), "ADMIN"), 0),
                h.sign(SEALER, Registry.register(DOCTOR.address(), "DOCTOR"), 0),
                h.sign(SEALER, Registry.register(PATIENT.address(), "PATIENT"), 0)));
        roots.add(h.block(t + 2000,
                h.sign(ADMIN, Registry.register(PHARMACIST.address(), "PHARMACIST"), 0),
                h.sign(PAYER, Tokens.transfer(PATIENT.address(), 5 * Genesis.UNITS_PER_TOKEN), 1000)));
        Transaction request = h.sign(DOCTOR, ConsentCalls.request(PATIENT.address(), Purpose.TREATMENT,
                List.of(RecordCategory.DIAGNOSIS, RecordCategory.MEDICATION), 86_400_000L, hash("salt|note")), 0);
        roots.add(h.block(t + 3000, request,
                h.sign(PATIENT, Anchors.anchor(PATIENT.address(), "dx-1", 1, RecordCategory.DIAGNOSIS, hash("salt|dx")), 0)));
        roots.add(h.block(t + 4000,
                h.sign(PATIENT, ConsentCalls.grant(request.id(), List.of(RecordCategory.MEDICATION), 3_600_000L), 0),
                h.sign(DOCTOR, ConsentCalls.emergency(PATIENT.address(), hash("salt|reason")), 0)));
        roots.add(h.block(t + 5000,
                h.sign(DOCTOR, Audit.access(PATIENT.address(), "dx-1", RecordCategory.MEDICATION, request.id(), t + 5000), 0),
                h.sign(PATIENT, ConsentCalls.revoke(request.id()), 0)));
        return roots;
    }

    private Transaction sign(PrivateKey key, ContractCall call, long fee) {
        long nonce = nonces.merge(key.address(), 1L, Long::sum) - 1;
        return Transaction.sign(genesis.chainId(), key, nonce, call, fee);
    }

    private Hash block(long time, Transaction... txs) {
        height++;
        BlockContext context = new BlockContext(height, time, SEALER.address(), genesis.parameters());
        for (Transaction tx : txs) {
            state.apply(tx, context);
        }
        return state.root();
    }

    private static Hash hash(String text) {
        return Hash.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
