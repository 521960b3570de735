package org.careledger.ledger.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Test helpers that damage block files the way crashes and failing disks do, and build stores to damage. */
final class StoreDamage {

    private StoreDamage() {
    }

    static void flipBit(Path file, long offset, int bit) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ (1 << bit)));
            channel.write(one.rewind(), offset);
        }
    }

    static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    static Path file(Path dir, int index) {
        return dir.resolve(RecordFormat.fileName(index));
    }

    /** Bytes a record with this payload takes on disk. */
    static long recordLength(byte[] payload) {
        return RecordFormat.recordLength(payload.length);
    }

    static List<StoredRecord> sampleRecords(long firstHeight, int count, long seed) {
        Random random = new Random(seed);
        List<StoredRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[random.nextInt(120)];
            random.nextBytes(payload);
            records.add(new StoredRecord(firstHeight + i, payload));
        }
        return records;
    }

    static void appendAll(BlockStore store, List<StoredRecord> records) throws IOException {
        for (StoredRecord r : records) {
            store.append(r.height(), r.payload());
        }
    }

    static Path copyOf(Path dir, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
