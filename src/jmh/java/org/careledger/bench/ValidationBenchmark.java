package org.careledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.crypto.PublicKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.crypto.Signature;
import org.careledger.ledger.BlockRules;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.SignatureCache;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.WorldState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Full validation of a received transaction (decode + {@link BlockRules#admit}: chain id, signature,
 * sender, nonce and fee against the state), with no signature cache, against the raw cost of
 * {@link Secp256k1#verify}, its floor, with a key object reused (the reference the brief names) and with
 * the key parsed from bytes each time (what a transaction from an unknown sender costs: decoding
 * remembers the senders' parsed keys, so a known sender's key is not parsed again). Operations per
 * second, one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ValidationBenchmark {

    static final long CHAIN_ID = 31337;
    static final Genesis GENESIS = Genesis.dev(CHAIN_ID, 1_767_225_600_000L, List.of(
            new Genesis.Sealer("st-marys", DevAccounts.ganacheAccount(7).publicKey())));

    /** Several different transactions, so nothing is cached by accident. */
    List<byte[]> encoded;
    List<PublicKey> keys;
    List<byte[]> compressed;
    List<byte[]> signingHashes;
    List<Signature> signatures;
    BlockRules rules;
    WorldState state;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        encoded = new ArrayList<>();
        keys = new ArrayList<>();
        compressed = new ArrayList<>();
        signingHashes = new ArrayList<>();
        signatures = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            PrivateKey from = DevAccounts.ganacheAccount(i % 10);
            Transaction tx = Transaction.sign(CHAIN_ID, from, 0, Tokens.transfer(DevAccounts.ganacheAccount(1).address(), 1 + i), 1000);
            encoded.add(tx.encode());
            byte[] hash = Hash.sha256(new byte[] {(byte) i, 7}).bytes();
            keys.add(from.publicKey());
            compressed.add(from.publicKey().compressed());
            signingHashes.add(hash);
            signatures.add(Secp256k1.sign(from, hash));
        }
        // A cache of capacity 0 forgets each signature at once: every admit verifies.
        rules = new BlockRules(GENESIS, () -> GENESIS.timestamp(), new SignatureCache(0));
        state = Contracts.standard().genesisState(GENESIS);
    }

    @Benchmark
    public Transaction decodeAndAdmit() {
        int i = next++ & 63;
        Transaction tx = Transaction.decode(encoded.get(i));
        rules.admit(tx, state);
        return tx;
    }

    /**
     * As {@link #secp256k1Verify} but with the key parsed from its 33 bytes each time, as a received
     * transaction's is: BouncyCastle keeps its precomputation for a point on the point object, so
     * verifying with a reused key object is cheaper than verifying a new one.
     */
    @Benchmark
    public boolean secp256k1VerifyParsedKey() {
        int i = next++ & 63;
        PublicKey key = PublicKey.fromBytes(compressed.get(i));
        boolean ok = Secp256k1.verify(key, signingHashes.get(i), signatures.get(i));
        if (!ok) {
            throw new IllegalStateException("a valid signature did not verify");
        }
        return ok;
    }

    /**
     * One signature verified over and over, as {@code ledger bench} measured its reference before it
     * took the bench's own signatures: faster than {@link #secp256k1Verify} over 64 different ones,
     * because the processor learns the branches of its one input.
     */
    @Benchmark
    public boolean secp256k1VerifySameSignature() {
        boolean ok = Secp256k1.verify(keys.get(0), signingHashes.get(0), signatures.get(0));
        if (!ok) {
            throw new IllegalStateException("a valid signature did not verify");
        }
        return ok;
    }

    @Benchmark
    public boolean secp256k1Verify() {
        int i = next++ & 63;
        boolean ok = Secp256k1.verify(keys.get(i), signingHashes.get(i), signatures.get(i));
        if (!ok) {
            throw new IllegalStateException("a valid signature did not verify");
        }
        return ok;
    }
}
