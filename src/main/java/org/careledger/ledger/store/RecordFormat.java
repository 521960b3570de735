package org.careledger.ledger.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The framing of one block record, all integers big-endian:
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "CLB1"
 *      4     4  payload length n (unsigned, at most 16 MiB)
 *      8     8  height
 *     16     4  header checksum: CRC32C of bytes 0..15
 *     20     n  payload
 *   20+n     4  payload checksum: CRC32C of the payload
 * </pre>
 */
final class RecordFormat {

    /** "CLB1" in ASCII. */
    static final int MAGIC = 0x434C4231;
    static final int HEADER_SIZE = 20;
    static final int TRAILER_SIZE = 4;
    static final int OVERHEAD = HEADER_SIZE + TRAILER_SIZE;
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private RecordFormat() {
    }

    /** The complete record, ready to write (position 0, limit at its end). */
    static ByteBuffer encode(long height, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(OVERHEAD + payload.length);
        buffer.putInt(MAGIC).putInt(payload.length).putLong(height);
        buffer.putInt(crc32c(buffer.array(), 0, 16));
        buffer.put(payload);
        buffer.putInt(crc32c(payload, 0, payload.length));
        return buffer.flip();
    }

    static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static long recordLength(int payloadLength) {
        return (long) OVERHEAD + payloadLength;
    }

    /** {@code blocks-00000.dat} for index 0. */
    static String fileName(int index) {
        return String.format("blocks-%05d.dat", index);
    }
}
