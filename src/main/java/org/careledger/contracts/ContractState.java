package org.careledger.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.careledger.crypto.Address;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.ledger.WorldState;

/**
 * The world state: one sorted map from text keys to bytes, shared by all contracts, each owning
 * the keys that start with its name. The root is SHA-256 over every entry in key order (key and
 * value length-prefixed), so two nodes with the same entries have the same root and any difference
 * changes it. A transaction's writes are staged and merged only if every step succeeds.
 */
public final class ContractState implements WorldState {

    private static final byte[] DOMAIN = "careledger/state/v1".getBytes(StandardCharsets.US_ASCII);

    private final TreeMap<String, byte[]> entries;
    private final Contracts contracts;
    private final Genesis genesis;
    private Hash root;

    ContractState(TreeMap<String, byte[]> entries, Contracts contracts, Genesis genesis) {
        this.entries = entries;
        this.contracts = contracts;
        this.genesis = genesis;
    }

    @Override
    public Hash root() {
        if (root == null) {
            MessageDigest sha = sha256();
            sha.update(DOMAIN);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
                sha.update(lengthOf(key.length));
                sha.update(key);
                sha.update(lengthOf(e.getValue().length));
                sha.update(e.getValue());
            }
            root = Hash.wrap(sha.digest());
        }
        return root;
    }

    /** Every entry in key order: a count, then each key and value length-prefixed. */
    @Override
    public byte[] snapshot() {
        org.careledger.ledger.CanonicalWriter out = new org.careledger.ledger.CanonicalWriter(64 * entries.size() + 16);
        out.varint(entries.size());
        entries.forEach((k, v) -> out.string(k).bytes(v));
        return out.toByteArray();
    }

    static ContractState restore(byte[] snapshot, Contracts contracts, Genesis genesis) {
        org.careledger.ledger.CanonicalReader in = new org.careledger.ledger.CanonicalReader(snapshot);
        long count = in.varint(Integer.MAX_VALUE, "entry count");
        TreeMap<String, byte[]> entries = new TreeMap<>();
        String previous = null;
        for (long i = 0; i < count; i++) {
            String key = in.string(1024, "key");
            if (previous != null && key.compareTo(previous) <= 0) {
                throw new org.careledger.ledger.MalformedEncodingException("Snapshot keys are not in strictly increasing order at " + key);
            }
            entries.put(key, in.bytes(org.careledger.ledger.Block.MAX_SIZE, "value"));
            previous = key;
        }
        in.end();
        return new ContractState(entries, contracts, genesis);
    }

    @Override
    public ContractState copy() {
        TreeMap<String, byte[]> copy = new TreeMap<>(entries);
        ContractState state = new ContractState(copy, contracts, genesis);
        state.root = root;
        return state;
    }

    @Override
    public long nextNonce(Address account) {
        return read(Accounts.nonceKey(account)).map(StateView::toLong).orElse(0L);
    }

    @Override
    public boolean maySend(Address account) {
        return genesis.isSealer(account) || entries.containsKey(Registry.roleKey(account))
                || entries.containsKey(Tokens.balanceKey(account)) || entries.containsKey(Accounts.nonceKey(account));
    }

    @Override
    public long minimumFee(ContractCall call) {
        Optional<Contract> contract = contracts.named(call.contract());
        return contract.isPresent() ? contract.get().minimumFee(call, genesis.parameters()) : genesis.parameters().minFee();
    }

    @Override
    public void apply(Transaction tx, BlockContext block) {
        Contract contract = contracts.named(tx.call().contract()).orElseThrow(() ->
                new TransactionRejectedException("contract", "there is no contract named " + tx.call().contract()));
        Staged staged = new Staged();
        Address sender = tx.senderAddress();
        // The ledger's own writes, the nonce and the fee, go to the staged state directly; the
        // contract's context lets it write only its own keys.
        staged.putLong(Accounts.nonceKey(sender), tx.nonce() + 1);
        Tokens.move(staged, sender, block.sealer(), tx.fee(), "fee");
        contract.execute(CallContext.of(tx, block, staged, contracts, contract.name()), tx.call());
        staged.commit();
    }

    /** Reads a committed entry (for queries). */
    public Optional<byte[]> read(String key) {
        byte[] value = entries.get(key);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** Committed entries whose keys start with {@code prefix}, in key order (for queries). */
    public Map<String, byte[]> readPrefix(String prefix) {
        return committedWithPrefix(prefix);
    }

    private TreeMap<String, byte[]> committedWithPrefix(String prefix) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        entries.subMap(prefix, prefix + Character.MAX_VALUE).forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** A read-only view over the committed state, for contract queries. */
    public StateView view() {
        return new StateView() {
            @Override
            public Optional<byte[]> get(String key) {
                return read(key);
            }

            @Override
            public SortedMap<String, byte[]> scan(String prefix) {
                return committedWithPrefix(prefix);
            }

            @Override
            public void put(String key, byte[] value) {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public void delete(String key) {
                throw new UnsupportedOperationException("read-only");
            }
        };
    }

    void putInitial(String key, byte[] value) {
        entries.put(key, value);
        root = null;
    }

    private final class Staged implements StateView {
        private final Map<String, byte[]> writes = new HashMap<>();

        @Override
        public Optional<byte[]> get(String key) {
            if (writes.containsKey(key)) {
                return Optional.ofNullable(writes.get(key)).map(byte[]::clone);
            }
            return read(key);
        }

        @Override
        public SortedMap<String, byte[]> scan(String prefix) {
            TreeMap<String, byte[]> out = committedWithPrefix(prefix);
            writes.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    if (v == null) {
                        out.remove(k);
                    } else {
                        out.put(k, v.clone());
                    }
                }
            });
            return out;
        }

        @Override
        public void put(String key, byte[] value) {
            writes.put(key, value.clone());
        }

        @Override
        public void delete(String key) {
            writes.put(key, null);
        }

        void commit() {
            writes.forEach((k, v) -> {
                if (v == null) {
                    entries.remove(k);
                } else {
                    entries.put(k, v);
                }
            });
            root = null;
        }
    }

    private static byte[] lengthOf(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
