package org.careledger.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.crypto.CryptoProvider;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.KeyWrap;
import org.careledger.crypto.PrivateKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.ledger.BlockRules;
import org.careledger.ledger.SignatureCache;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.WorldState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The portal's own sign-and-submit path, as the outbox runs it for each queued call: unwrap the user's
 * key from custody (AES-GCM under the master key, {@code KeyCustody.withPrivateKey}), read it (the
 * public key is derived afresh: custody hands out a new key object each time), sign the transaction
 * ({@code LedgerService.sign}: RFC 6979 and the recovery id), then the node's admission checks
 * ({@link BlockRules#admit}, the signature verified: the cache never holds a new transaction). Once
 * with each provider: before (BouncyCastle) and after (libsecp256k1). The provider is chosen once per
 * JVM, so each runs in its own fork (JMH forks per parameter value; never run this with {@code -f 0}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
public class CustodySigningBenchmark {

    @Param({"bouncycastle", "native"})
    public String provider;

    private byte[] masterKey;
    private byte[] wrapped;
    private String purpose;
    private Address recipient;
    private BlockRules rules;
    private WorldState state;
    private long fee;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty(CryptoProvider.SYSTEM_PROPERTY, provider);
        if (!Secp256k1.provider().setting().equals(provider)) {
            throw new IllegalStateException("this JVM already signs with " + Secp256k1.provider().label()
                    + ": run the benchmark forked, one JVM per provider");
        }
        masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        PrivateKey user = DevAccounts.ganacheAccount(2);
        purpose = "careledger:user-key:v1:42:" + user.address(); // as KeyCustody binds it
        wrapped = KeyWrap.wrap(masterKey, user.bytes(), purpose);
        recipient = DevAccounts.ganacheAccount(3).address();
        rules = new BlockRules(ValidationBenchmark.GENESIS, () -> ValidationBenchmark.GENESIS.timestamp(), new SignatureCache(0));
        state = Contracts.standard().genesisState(ValidationBenchmark.GENESIS);
        fee = state.minimumFee(Tokens.transfer(recipient, 1));
    }

    @Benchmark
    public Transaction signAndSubmit() {
        PrivateKey key = PrivateKey.fromBytes(KeyWrap.unwrap(masterKey, wrapped, purpose));
        Transaction tx = Transaction.sign(ValidationBenchmark.CHAIN_ID, key, 0, Tokens.transfer(recipient, 1 + (next++ & 1023)), fee);
        rules.admit(tx, state);
        return tx;
    }
}
