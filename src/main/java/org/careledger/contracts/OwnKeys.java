package org.careledger.contracts;

import java.util.Optional;
import java.util.SortedMap;

/**
 * The state as one running contract sees it: it reads every key (the registry's roles, a balance)
 * but writes only the keys it owns, those starting with its name and '.'. A foreign write is a
 * refusal, not an {@code IllegalStateException}, so every node refuses the transaction the same way
 * and the block assembler leaves it out instead of failing on it.
 */
final class OwnKeys implements StateView {

    private final String contract;
    private final String prefix;
    private final StateView staged;

    OwnKeys(String contract, StateView staged) {
        this.contract = contract;
        this.prefix = prefixOf(contract);
        this.staged = staged;
    }

    /** The start of every key {@code contract} owns. */
    static String prefixOf(String contract) {
        return contract + ".";
    }

    @Override
    public Optional<byte[]> get(String key) {
        return staged.get(key);
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix) {
        return staged.scan(prefix);
    }

    @Override
    public void put(String key, byte[] value) {
        checkOwnKey(key);
        staged.put(key, value);
    }

    @Override
    public void delete(String key) {
        checkOwnKey(key);
        staged.delete(key);
    }

    private void checkOwnKey(String key) {
        if (!key.startsWith(prefix)) {
            throw Args.reject("contract.foreignWrite", contract + " may not write " + key
                    + ": a contract writes only the keys that start with " + prefix);
        }
    }
}
