package org.careledger.ledger.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * File-system chores of a block directory: the writer's exclusive lock on {@code blocks.lock}, so that
 * two stores never append to (or cut the tail of) the same files, and forcing the directory itself
 * so a newly created block file survives a power cut.
 */
final class StoreDirectory {

    static final String LOCK_FILE = "blocks.lock";

    private StoreDirectory() {
    }

    /**
     * Locks {@code dir} for one writer; closing the returned channel releases it.
     *
     * @throws StoreLockedException if another store, in this process or another, holds it
     */
    static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                org.careledger.crypto.PrivateFiles.ownerOnlyFile());
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by another store in this process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        throw new StoreLockedException("Block store " + dir + " is already open for appending by another store or process");
    }

    /** Makes new directory entries durable; best effort, as not every platform can open a directory. */
    static void force(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; NTFS journals the entry itself.
        }
    }
}
