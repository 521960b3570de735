package org.careledger.contracts;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.careledger.crypto.Address;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.StateMachine;

/**
 * The contracts a chain runs, and its genesis state: the genesis balances, and the sealers marked
 * so that they may register the first admins. Each contract owns the keys under its name, so no two
 * names may own overlapping keys ("a" would own "a.b"'s), nor the ledger's own {@code account.}.
 */
public final class Contracts implements StateMachine {

    private final Map<String, Contract> contracts = new LinkedHashMap<>();
    /** Which contract offers each API type; looked up by type only, never iterated. */
    private final Map<Class<?>, Contract> apis = new HashMap<>();

    public Contracts(List<Contract> contracts) {
        contracts.forEach(this::register);
    }

    /**
     * The standard set: tokens, the user registry, consent, record anchoring, the access audit,
     * invoices, prescriptions and appointments. Contracts add no genesis state, so adding one changes neither the
     * genesis hash nor how existing blocks replay ({@code StandardChainCompatibilityTest}).
     */
    public static Contracts standard() {
        return new Contracts(List.of(new Tokens(), new Registry(), new Consent(), new Anchors(), new Audit(), new Invoices(),
                new Prescriptions(), new Appointments()));
    }

    private void register(Contract contract) {
        checkUniqueName(contract);
        checkOwnKeysApart(contract.name(), Accounts.OWNER);
        contracts.keySet().forEach(other -> checkOwnKeysApart(contract.name(), other));
        contract.api().ifPresent(api -> checkOneProvider(api.type(), contract));
        contracts.put(contract.name(), contract);
        contract.api().ifPresent(api -> apis.put(api.type(), contract));
    }

    private void checkUniqueName(Contract contract) {
        if (contracts.containsKey(contract.name())) {
            throw new IllegalArgumentException("Two contracts named " + contract.name());
        }
    }

    private static void checkOwnKeysApart(String name, String other) {
        String prefix = OwnKeys.prefixOf(name);
        String otherPrefix = OwnKeys.prefixOf(other);
        if (prefix.startsWith(otherPrefix) || otherPrefix.startsWith(prefix)) {
            throw new IllegalArgumentException("Contract " + name + " would share keys with " + other
                    + ": no name may be another's followed by '.'");
        }
    }

    private void checkOneProvider(Class<?> type, Contract contract) {
        Contract other = apis.get(type);
        if (other != null) {
            throw new IllegalArgumentException(contract.name() + " and " + other.name() + " both offer " + type.getName());
        }
    }

    /** The contract transactions address as {@code name}. */
    Optional<Contract> named(String name) {
        return Optional.ofNullable(contracts.get(name));
    }

    /** The contract whose {@link Contract#api()} is of exactly {@code type}. */
    Optional<Contract> offering(Class<?> type) {
        return Optional.ofNullable(apis.get(type));
    }

    @Override
    public ContractState genesisState(Genesis genesis) {
        ContractState state = new ContractState(new TreeMap<>(), this, genesis);
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
        return ContractState.restore(snapshot, this, genesis);
    }

    private static byte[] longBytes(long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (56 - 8 * i));
        }
        return b;
    }
}
