package org.careledger.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.careledger.crypto.DevAccounts;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Miner;
import org.careledger.ledger.ProofOfWork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The miner's hash rate against the JDK's SHA-256 of the same 152 bytes.
 *
 * <ul>
 *   <li>{@code minerLoop*}: one operation is one try of the loop of {@code Miner.searchFrom} (package-private, so
 *       copied here statement for statement): write the nonce into the header buffer, SHA-256 it into a reused
 *       digest array, compare with the target, check the stop flag every 1024 tries. With 1 and 2 threads.</li>
 *   <li>{@code jdkSha256*}: the reference, {@code MessageDigest.update} + {@code digest} of the same 152 bytes.</li>
 *   <li>{@code realMiner}: the real {@link Miner} through its public API: one operation is a whole search at
 *       difficulty 2^16, so hashes/s = 65,536 / (seconds per operation); a nonce count is geometric, so this
 *       figure is noisier.</li>
 * </ul>
 * Goals: minerLoop1 / jdkSha256_1 &gt;= 0.9; minerLoop2 / minerLoop1 &gt;= 1.8.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MinerBenchmark {

    private static final int CHECK_EVERY = 1 << 10;
    static final int NONCE_OFFSET = 144;

    static BlockHeader sampleHeader(long timestamp, long difficulty) {
        return new BlockHeader(BlockHeader.VERSION, 42, Hash.sha256(new byte[] {1}), Hash.sha256(new byte[] {2}),
                Hash.sha256(new byte[] {3}), timestamp, difficulty, DevAccounts.ganacheAccount(7).address(), 0);
    }

    @State(Scope.Thread)
    public static class Header {
        byte[] header;
        byte[] target;
        byte[] digest;
        MessageDigest sha;
        AtomicBoolean stop;
        long nonce;
        int stride;
        int sinceCheck;
        static final AtomicLong THREAD_INDEX = new AtomicLong();

        @Setup(Level.Trial)
        public void setUp() {
            header = sampleHeader(1_767_225_600_000L, Long.MAX_VALUE).encode();
            if (header.length != 152) {
                throw new IllegalStateException("header is " + header.length + " bytes");
            }
            target = ProofOfWork.target(Long.MAX_VALUE); // practically never met: every try runs the whole loop
            digest = new byte[32];
            sha = sha256();
            stop = new AtomicBoolean();
            nonce = THREAD_INDEX.getAndIncrement();
            stride = 2;
        }
    }

    /** One try of Miner.searchFrom's loop; returns the nonce if met (never, in practice), else -1. */
    static long oneTry(Header s) throws DigestException {
        long nonce = s.nonce;
        writeNonce(s.header, nonce);
        s.sha.update(s.header, 0, s.header.length);
        s.sha.digest(s.digest, 0, 32);
        if (ProofOfWork.meets(s.digest, s.target)) {
            return nonce;
        }
        if (++s.sinceCheck == CHECK_EVERY) {
            s.sinceCheck = 0;
            if (s.stop.get()) {
                return -1;
            }
        }
        s.nonce = nonce + s.stride;
        return -1;
    }

    static void writeNonce(byte[] header, long nonce) {
        for (int i = 0; i < 8; i++) {
            header[NONCE_OFFSET + i] = (byte) (nonce >>> (56 - 8 * i));
        }
    }

    @Benchmark
    @Threads(1)
    public long minerLoop1(Header s) throws DigestException {
        return oneTry(s);
    }

    @Benchmark
    @Threads(2)
    public long minerLoop2(Header s) throws DigestException {
        return oneTry(s);
    }

    /** The reference: the JDK's SHA-256 of the same 152 bytes, nothing else. */
    static byte[] rawSha(Header s) throws DigestException {
        s.sha.update(s.header, 0, s.header.length);
        s.sha.digest(s.digest, 0, 32);
        return s.digest;
    }

    @Benchmark
    @Threads(1)
    public byte[] jdkSha256_1(Header s) throws DigestException {
        return rawSha(s);
    }

    @Benchmark
    @Threads(2)
    public byte[] jdkSha256_2(Header s) throws DigestException {
        return rawSha(s);
    }

    @State(Scope.Benchmark)
    public static class RealMiner {
        static final long DIFFICULTY = 1 << 16;

        @Param({"1", "2"})
        int threads;
        Miner miner;
        long timestamp;

        @Setup(Level.Trial)
        public void setUp() {
            miner = new Miner(threads);
            timestamp = 1_767_225_600_000L;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            miner.close();
        }
    }

    /** A whole search at difficulty 2^16 on a new header each time: expected 65,536 hashes. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BlockHeader realMiner(RealMiner m) throws Exception {
        BlockHeader template = sampleHeader(m.timestamp++, RealMiner.DIFFICULTY);
        return m.miner.start(template).result().get(60, TimeUnit.SECONDS).orElseThrow();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
