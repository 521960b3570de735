package org.careledger.contracts;

import java.util.Optional;

import org.careledger.ledger.BlockContext;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;

/**
 * Where something happened on the chain: the block's height and time, as a user is told it
 * ("paid in block 42"). Encoded as two big-endian 64-bit integers.
 */
public record BlockStamp(long height, long millis) {

    /** The block a call runs in. */
    static BlockStamp of(BlockContext block) {
        return new BlockStamp(block.height(), block.timestamp());
    }

    void encode(CanonicalWriter out) {
        out.i64BigEndian(height).i64BigEndian(millis);
    }

    static BlockStamp decode(CanonicalReader in) {
        return new BlockStamp(in.i64BigEndian(), in.i64BigEndian());
    }

    /** An optional stamp: a presence byte, then the stamp. */
    static void encode(CanonicalWriter out, Optional<BlockStamp> stamp) {
        out.bool(stamp.isPresent());
        stamp.ifPresent(s -> s.encode(out));
    }

    static Optional<BlockStamp> decodeOptional(CanonicalReader in) {
        return in.bool() ? Optional.of(decode(in)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "block " + height + " at " + millis;
    }
}
