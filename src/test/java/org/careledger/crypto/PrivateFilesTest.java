package org.careledger.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Owner-only folders and files, made safely when several threads make the same folders at once. */
class PrivateFilesTest {

    @TempDir
    Path root;

    @Test
    void foldersMadeAtOnceByManyThreadsAreAllMadeOwnerOnly() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                Path shared = root.resolve("round-" + round).resolve("nodes");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Path>> made = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Path dir = shared.resolve("node-" + t).resolve("blocks");
                    made.add(threads.submit(() -> {
                        go.await();
                        return PrivateFiles.createDirectories(dir);
                    }));
                }
                go.countDown();
                for (Future<Path> f : made) {
                    assertThat(Files.isDirectory(f.get())).isTrue();
                }
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwx------");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFileIsMadeOwnerOnlyAndATreeIsRestricted() throws Exception {
        Path file = PrivateFiles.createFile(root.resolve("key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Path open = Files.createFile(root.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        assertThat(PrivateFiles.openToOthers(open)).isTrue();
        PrivateFiles.restrict(root);
        assertThat(PrivateFiles.openToOthers(open)).isFalse();
    }
}
