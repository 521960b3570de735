package org.careledger.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.careledger.crypto.Address;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.StateMachine;

/**
 * The contracts a chain runs, and its genesis state: the genesis balances, and the sealers marked
 * so that they may register the first admins.
 */
public final class Contracts implements StateMachine {

    private final Map<String, Contract> contracts = new LinkedHashMap<>();

    public Contracts(List<Contract> contracts) {
        contracts.forEach(c -> {
            if (this.contracts.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("Two contracts named " + c.name());
            }
        });
    }

    /** The standard set: tokens, the user registry, consent, record anchoring and the access audit. */
    public static Contracts standard() {
        return new Contracts(List.of(new Tokens(), new Registry(), new Consent(), new Anchors(), new Audit()));
    }

    @Override
    public ContractState genesisState(Genesis genesis) {
        ContractState state = new ContractState(new TreeMap<>(), Map.copyOf(contracts), genesis);
        genesis.balances().forEach((address, balance) -> {
            if (balance > 0) {
                state.putInitial(Tokens.balanceKey(address), longBytes(balance));
            }
        });
        for (Address sealer : genesis.sealerAddresses()) {
            state.putInitial(Registry.sealerKey(sealer), new byte[] {1});
        }
        return state;
    }

    @Override
    public ContractState restore(Genesis genesis, byte[] snapshot) {
        return ContractState.restore(snapshot, Map.copyOf(contracts), genesis);
    }

    private static byte[] longBytes(long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (56 - 8 * i));
        }
        return b;
    }
}
