package org.careledger.ledger.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.careledger.ledger.store.RecordFormat.HEADER_SIZE;
import static org.careledger.ledger.store.RecordFormat.MAGIC;
import static org.careledger.ledger.store.RecordFormat.MAX_PAYLOAD;
import static org.careledger.ledger.store.RecordFormat.TRAILER_SIZE;

/**
 * Reads the records of one block file in order, verifying both checksums of each, and hands each
 * intact record to a visitor without keeping it. Stops at the first record that is not intact and
 * says why, and whether a crash explains it (a torn tail) or not (corruption). Deciding what to do
 * about a torn tail, which depends on whether the file is the last one, is the caller's business.
 */
final class RecordFileReader {

    /** Receives each intact record; the payload array is the visitor's to keep. */
    @FunctionalInterface
    interface Visitor {
        void visit(long height, byte[] payload) throws IOException;
    }

    /** Why reading stopped before the limit: {@code tornTail} if the bytes end in a way a crash explains. */
    record Problem(long offset, long height, String reason, boolean tornTail) {
    }

    /**
     * @param validEnd offset just past the last intact record
     * @param problem  null if every byte up to the limit belonged to intact records
     */
    record Outcome(long validEnd, int records, Problem problem) {
    }

    private RecordFileReader() {
    }

    /** Reads {@code file} from offset 0 up to {@code limit} bytes (at most its size). */
    static Outcome read(Path file, long limit, Visitor visitor) throws IOException {
        if (limit == 0) {
            return new Outcome(0, 0, null);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER_SIZE);
            long position = 0;
            int records = 0;
            while (position < limit) {
                long remaining = limit - position;
                if (remaining < HEADER_SIZE) {
                    return stop(position, records, new Problem(position, -1, "record header cut short by the end of the file ("
                            + remaining + " of " + HEADER_SIZE + " bytes present)", true));
                }
                readFully(channel, header.clear(), position);
                int magic = header.getInt(0);
                if (magic != MAGIC) {
                    boolean zeros = allZero(channel, position, limit);
                    return stop(position, records, zeros
                            ? new Problem(position, -1, "zero-filled region from the record start to the end of the file", true)
                            : new Problem(position, -1, String.format("bad magic 0x%08x (expected \"CLB1\")", magic), false));
                }
                if (RecordFormat.crc32c(header.array(), 0, 16) != header.getInt(16)) {
                    return stop(position, records, new Problem(position, -1, "header checksum mismatch", false));
                }
                long length = Integer.toUnsignedLong(header.getInt(4));
                long height = header.getLong(8);
                if (length > MAX_PAYLOAD) {
                    return stop(position, records, new Problem(position, height, "declared payload length " + length
                            + " exceeds the limit of " + MAX_PAYLOAD + " bytes", false));
                }
                if (height < 0) {
                    return stop(position, records, new Problem(position, -1, "negative height " + height, false));
                }
                long end = position + RecordFormat.recordLength((int) length);
                if (end > limit) {
                    return stop(position, records, new Problem(position, height, "record cut short by the end of the file ("
                            + remaining + " of " + (end - position) + " bytes present)", true));
                }
                byte[] payload = new byte[(int) length];
                readFully(channel, ByteBuffer.wrap(payload), position + HEADER_SIZE);
                readFully(channel, trailer.clear(), position + HEADER_SIZE + length);
                if (RecordFormat.crc32c(payload, 0, payload.length) != trailer.getInt(0)) {
                    return stop(position, records, new Problem(position, height, "payload checksum mismatch", false));
                }
                visitor.visit(height, payload);
                records++;
                position = end;
            }
            return new Outcome(position, records, null);
        }
    }

    /**
     * Reads files 0, 1, ... of {@code dir} up to the verified lengths in {@code ends}, which an open
     * found intact: any problem now means the bytes changed on disk since.
     */
    static void readCommitted(Path dir, List<Long> ends, Visitor visitor) throws IOException {
        for (int i = 0; i < ends.size(); i++) {
            String name = RecordFormat.fileName(i);
            Problem p = read(dir.resolve(name), ends.get(i), visitor).problem();
            if (p != null) {
                Corruption c = new Corruption(name, p.offset(), p.height(), p.reason() + " (changed on disk since the store was opened)");
                throw new StoreCorruptedException("Block store " + dir + " is corrupted: " + c.message(), c);
            }
        }
    }

    private static Outcome stop(long position, int records, Problem problem) {
        return new Outcome(position, records, problem);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("Block file ended at offset " + at + " while being read; was it truncated meanwhile?");
            }
            at += n;
        }
    }

    private static boolean allZero(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        for (long at = from; at < to; ) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), to - at));
            readFully(channel, chunk, at);
            for (int i = 0; i < chunk.limit(); i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
            at += chunk.limit();
        }
        return true;
    }
}
