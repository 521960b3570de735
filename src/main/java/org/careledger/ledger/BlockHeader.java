package org.careledger.ledger;

import java.util.Arrays;

import org.careledger.crypto.Address;

/**
 * A block's header. Its hash, SHA-256 of the 152 canonical bytes below, is the block's identity and
 * the proof-of-work input. The nonce is last, in the third 64-byte SHA-256 block, so the first 128
 * bytes stay the same while a miner searches.
 *
 * <pre>
 * offset  size  field
 *      0     4  version
 *      4     8  height
 *     12    32  previous block hash
 *     44    32  Merkle root of the transaction ids
 *     76    32  state root after the block
 *    108     8  timestamp, milliseconds since the epoch
 *    116     8  difficulty (expected hashes per block)
 *    124    20  sealer address
 *    144     8  nonce
 * </pre>
 */
public final class BlockHeader {

    public static final int VERSION = 1;
    public static final int SIZE = 152;
    static final int NONCE_OFFSET = 144;

    private final int version;
    private final long height;
    private final Hash previousHash;
    private final Hash merkleRoot;
    private final Hash stateRoot;
    private final long timestamp;
    private final long difficulty;
    private final Address sealer;
    private final long nonce;
    private final Hash hash;

    public BlockHeader(int version, long height, Hash previousHash, Hash merkleRoot, Hash stateRoot, long timestamp,
                       long difficulty, Address sealer, long nonce) {
        if (height < 0) {
            throw new IllegalArgumentException("A height is never negative");
        }
        if (difficulty < 1) {
            throw new IllegalArgumentException("A difficulty is at least 1");
        }
        this.version = version;
        this.height = height;
        this.previousHash = previousHash;
        this.merkleRoot = merkleRoot;
        this.stateRoot = stateRoot;
        this.timestamp = timestamp;
        this.difficulty = difficulty;
        this.sealer = sealer;
        this.nonce = nonce;
        this.hash = Hash.sha256(encode());
    }

    public byte[] encode() {
        byte[] out = new CanonicalWriter(SIZE).i32BigEndian(version).i64BigEndian(height).hash(previousHash)
                .hash(merkleRoot).hash(stateRoot).i64BigEndian(timestamp).i64BigEndian(difficulty)
                .fixed(sealer.bytes()).i64BigEndian(nonce).toByteArray();
        assert out.length == SIZE;
        return out;
    }

    public static BlockHeader decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        BlockHeader header = read(in);
        in.end();
        return header;
    }

    static BlockHeader read(CanonicalReader in) {
        int version = in.i32BigEndian();
        if (version != VERSION) {
            throw new MalformedEncodingException("Unknown block header version " + version);
        }
        long height = in.i64BigEndian();
        Hash previous = in.hash("previous hash");
        Hash merkle = in.hash("Merkle root");
        Hash state = in.hash("state root");
        long timestamp = in.i64BigEndian();
        long difficulty = in.i64BigEndian();
        Address sealer = Address.fromBytes(in.fixed(20, "sealer"));
        long nonce = in.i64BigEndian();
        try {
            return new BlockHeader(version, height, previous, merkle, state, timestamp, difficulty, sealer, nonce);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("Invalid block header: " + e.getMessage());
        }
    }

    /** The same header with another nonce: what a miner tries. */
    public BlockHeader withNonce(long newNonce) {
        return new BlockHeader(version, height, previousHash, merkleRoot, stateRoot, timestamp, difficulty, sealer, newNonce);
    }

    public Hash hash() {
        return hash;
    }

    public int version() {
        return version;
    }

    public long height() {
        return height;
    }

    public Hash previousHash() {
        return previousHash;
    }

    public Hash merkleRoot() {
        return merkleRoot;
    }

    public Hash stateRoot() {
        return stateRoot;
    }

    public long timestamp() {
        return timestamp;
    }

    public long difficulty() {
        return difficulty;
    }

    public Address sealer() {
        return sealer;
    }

    public long nonce() {
        return nonce;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockHeader other && hash.equals(other.hash) && Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "BlockHeader[height=" + height + ", hash=" + hash.shortHex() + ", previous=" + previousHash.shortHex()
                + ", difficulty=" + difficulty + ", sealer=" + sealer + ", nonce=" + nonce + "]";
    }
}
