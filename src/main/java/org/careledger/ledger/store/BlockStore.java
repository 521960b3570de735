package org.careledger.ledger.store;

import org.careledger.crypto.PrivateFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One node's blocks, as opaque payloads in append-only files {@code blocks-00000.dat}, ... under a
 * directory (the node's {@code chain-data/nodes/<node>/blocks/}); see {@link RecordFormat} for the
 * framing. {@link #append} forces each record to disk before it returns: only then is a block
 * committed. Opening verifies every record and applies the recovery rules of {@link StoreScan}; what
 * it found is in {@link #openReport()}. A store that found corruption serves the records before it
 * and refuses to append. One writer per directory (a lock on {@code blocks.lock} enforces it); any
 * number of {@linkplain #openReadOnly read-only} views. Thread-safe.
 */
public final class BlockStore implements AutoCloseable {

    public static final long DEFAULT_MAX_FILE_BYTES = 128L * 1024 * 1024;
    public static final int MAX_PAYLOAD_BYTES = RecordFormat.MAX_PAYLOAD;

    private final Path dir;
    private final long maxFileBytes;
    private final OpenReport report;
    private final FileChannel lockChannel;
    private final List<Long> fileEnds;
    private FileChannel channel;
    private int count;
    private long sizeBytes;
    private long lastHeight;
    private IOException failure;
    private boolean closed;

    private BlockStore(Path dir, long maxFileBytes, StoreScan scan, FileChannel lockChannel) {
        this.dir = dir;
        this.maxFileBytes = maxFileBytes;
        this.report = scan.report();
        this.lockChannel = lockChannel;
        this.fileEnds = new ArrayList<>(scan.fileEnds);
        this.count = scan.records;
        this.sizeBytes = scan.bytes;
        this.lastHeight = scan.lastHeight;
    }

    /** Opens (creating the directory if needed) for appending, with files of at most 128 MiB. */
    public static BlockStore open(Path dir) throws IOException {
        return open(dir, DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Opens for appending: scans every file, cuts a torn tail off the last one, and rolls to a new file
     * when a record would take the current one past {@code maxFileBytes} (a record larger than that
     * gets a file of its own).
     *
     * @throws StoreLockedException if another store has the directory open for appending
     */
    public static BlockStore open(Path dir, long maxFileBytes) throws IOException {
        if (maxFileBytes < RecordFormat.OVERHEAD) {
            throw new IllegalArgumentException("A block file must hold at least " + RecordFormat.OVERHEAD + " bytes");
        }
        PrivateFiles.createDirectories(dir);
        FileChannel lockChannel = StoreDirectory.lock(dir);
        try {
            BlockStore store = new BlockStore(dir, maxFileBytes, StoreScan.run(dir, true), lockChannel);
            if (store.report.corruption().isEmpty()) {
                if (store.fileEnds.isEmpty()) {
                    store.fileEnds.add(0L);
                }
                store.channel = store.openAppendFile(false);
            }
            return store;
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    /**
     * A read-only view of what was committed when it was opened, beside a writer that may be
     * appending: a torn tail is reported and skipped but not cut, and {@link #append} refuses.
     */
    public static BlockStore openReadOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("No block store directory at " + dir);
        }
        return new BlockStore(dir, DEFAULT_MAX_FILE_BYTES, StoreScan.run(dir, false), null);
    }

    /**
     * Appends one record and forces it to disk: the block is committed once this returns. If it
     * throws an {@link IOException}, the record may or may not be there after a reopen, and this store
     * refuses further appends ({@link StoreFailedException}) until reopened. Do not interrupt a thread
     * while it appends: Java then closes the file, which is such a failure.
     *
     * @throws StoreCorruptedException if the store found corruption on open
     */
    public synchronized void append(long height, byte[] payload) throws IOException {
        Objects.requireNonNull(payload, "payload");
        if (height < 0) {
            throw new IllegalArgumentException("A height is never negative: " + height);
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A block record holds at most " + MAX_PAYLOAD_BYTES + " bytes, not " + payload.length);
        }
        checkWritable();
        ByteBuffer record = RecordFormat.encode(height, payload);
        int length = record.remaining();
        try {
            long end = fileEnds.get(fileEnds.size() - 1);
            if (end > 0 && end + length > maxFileBytes) {
                channel.close();
                fileEnds.add(0L);
                channel = openAppendFile(true);
                end = 0;
            }
            for (long at = end; record.hasRemaining(); ) {
                at += channel.write(record, at);
            }
            channel.force(false);
            fileEnds.set(fileEnds.size() - 1, end + length);
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e);
            throw e;
        }
        count++;
        sizeBytes += length;
        lastHeight = height;
    }

    /** Streams the records in file order, verifying each again; payloads are not kept. */
    public void forEach(Consumer<StoredRecord> action) throws IOException {
        List<Long> ends;
        synchronized (this) {
            checkOpen();
            ends = List.copyOf(fileEnds);
        }
        RecordFileReader.readCommitted(dir, ends, (height, payload) -> action.accept(StoredRecord.owning(height, payload)));
    }

    /** All records in file order, in memory; prefer {@link #forEach} for a long chain. */
    public List<StoredRecord> records() throws IOException {
        List<StoredRecord> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    public OpenReport openReport() {
        return report;
    }

    /** Records served: those read on open (before any corruption) plus those appended since. */
    public synchronized int count() {
        return count;
    }

    /** Bytes of the records served, framing included. */
    public synchronized long sizeBytes() {
        return sizeBytes;
    }

    /** Height of the last record served, or -1 if there is none. */
    public synchronized long lastHeight() {
        return lastHeight;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel c = channel; FileChannel l = lockChannel) {
            channel = null;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The block store in " + dir + " is closed");
        }
    }

    private void checkWritable() throws IOException {
        checkOpen();
        if (report.corruption().isPresent()) {
            Corruption c = report.corruption().get();
            throw new StoreCorruptedException("Block store " + dir + " refuses to append: " + c.message()
                    + ". Restore the block files from a backup or a healthy node.", c);
        }
        if (lockChannel == null) {
            throw new IllegalStateException("The block store in " + dir + " was opened read-only");
        }
        if (failure != null) {
            throw new StoreFailedException("Block store " + dir + " refuses to append after an earlier append failed ("
                    + failure.getMessage() + "); reopen it to cut the torn record", failure);
        }
    }

    private FileChannel openAppendFile(boolean isNew) throws IOException {
        Path file = dir.resolve(RecordFormat.fileName(fileEnds.size() - 1));
        boolean created = isNew || !Files.exists(file);
        FileChannel opened = FileChannel.open(file, java.util.Set.of(StandardOpenOption.WRITE,
                isNew ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE), PrivateFiles.ownerOnlyFile());
        if (created) {
            StoreDirectory.force(dir);
        }
        return opened;
    }
}
