package org.careledger.ledger.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.ledger.store.StoreDamage.appendAll;
import static org.careledger.ledger.store.StoreDamage.file;
import static org.careledger.ledger.store.StoreDamage.sampleRecords;

class BlockStoreTest {

    @TempDir
    Path tmp;

    @Test
    void appendedRecordsComeBackInOrderAfterReopenAndAppendsContinue() throws IOException {
        Path dir = tmp.resolve("nodes/node-1/blocks");
        List<StoredRecord> first = sampleRecords(0, 20, 1);
        try (BlockStore store = BlockStore.open(dir)) {
            assertThat(store.openReport().clean()).isTrue();
            assertThat(store.count()).isZero();
            assertThat(store.lastHeight()).isEqualTo(-1);
            appendAll(store, first);
            assertThat(store.records()).containsExactlyElementsOf(first);
        }
        List<StoredRecord> all = new ArrayList<>(first);
        try (BlockStore store = BlockStore.open(dir)) {
            assertThat(store.openReport()).isEqualTo(new OpenReport(20, 0, java.util.Optional.empty()));
            assertThat(store.records()).containsExactlyElementsOf(first);
            assertThat(store.count()).isEqualTo(20);
            assertThat(store.lastHeight()).isEqualTo(19);
            assertThat(store.sizeBytes()).isEqualTo(Files.size(file(dir, 0)))
                    .isEqualTo(first.stream().mapToLong(r -> r.payloadLength() + 24L).sum());
            List<StoredRecord> more = sampleRecords(20, 5, 2);
            appendAll(store, more);
            all.addAll(more);
        }
        try (BlockStore store = BlockStore.open(dir)) {
            assertThat(store.openReport().recordsRead()).isEqualTo(25);
            assertThat(store.records()).containsExactlyElementsOf(all);
        }
    }

    @Test
    void anEmptyPayloadIsStoredAndReturnedAsEmpty() throws IOException {
        try (BlockStore store = BlockStore.open(tmp)) {
            store.append(7, new byte[0]);
        }
        try (BlockStore store = BlockStore.open(tmp)) {
            assertThat(store.records()).containsExactly(new StoredRecord(7, new byte[0]));
        }
    }

    @Test
    void rollsToANewFileWhenTheCurrentOneWouldPassTheConfiguredSizeAcrossReopen() throws IOException {
        long max = 200; // 74-byte records: two per file
        List<StoredRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new StoredRecord(i, new byte[50]));
        }
        try (BlockStore store = BlockStore.open(tmp, max)) {
            appendAll(store, records.subList(0, 7));
        }
        assertThat(file(tmp, 3)).exists();
        assertThat(file(tmp, 4)).doesNotExist();
        try (BlockStore store = BlockStore.open(tmp, max)) {
            assertThat(store.openReport().clean()).isTrue();
            assertThat(store.records()).containsExactlyElementsOf(records.subList(0, 7));
            appendAll(store, records.subList(7, 10));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(Files.size(file(tmp, i))).as("file %d", i).isEqualTo(148);
        }
        try (BlockStore store = BlockStore.open(tmp, max)) {
            assertThat(store.records()).containsExactlyElementsOf(records);
            assertThat(store.sizeBytes()).isEqualTo(740);
            store.append(10, new byte[500]);
            assertThat(Files.size(file(tmp, 5))).as("a record larger than a file gets one of its own").isEqualTo(524);
            store.append(11, new byte[1]);
            assertThat(file(tmp, 6)).exists();
        }
    }

    @Test
    void whatAppendReturnedFromIsReadableByAnIndependentOpenWhileTheWriterIsStillOpen() throws IOException {
        try (BlockStore writer = BlockStore.open(tmp)) {
            writer.append(0, new byte[] {1, 2, 3});
            writer.append(1, new byte[] {4});
            try (BlockStore reader = BlockStore.openReadOnly(tmp)) {
                assertThat(reader.openReport().clean()).isTrue();
                assertThat(reader.records()).containsExactly(new StoredRecord(0, new byte[] {1, 2, 3}),
                        new StoredRecord(1, new byte[] {4}));
                assertThatThrownBy(() -> reader.append(2, new byte[0])).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("read-only");
            }
            assertThatThrownBy(() -> BlockStore.open(tmp)).isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("already open for appending");
        }
        try (BlockStore again = BlockStore.open(tmp)) {
            assertThat(again.count()).as("the lock is released on close").isEqualTo(2);
        }
    }

    @Test
    void afterAFailedAppendTheStoreRefusesUntilReopenedAndReopeningIsClean() throws IOException {
        try (BlockStore store = BlockStore.open(tmp)) {
            store.append(0, new byte[] {1});
            Thread.currentThread().interrupt(); // Java closes an interruptible channel: a failed write
            try {
                assertThatThrownBy(() -> store.append(1, new byte[] {2})).isInstanceOf(IOException.class);
            } finally {
                Thread.interrupted();
            }
            assertThatThrownBy(() -> store.append(1, new byte[] {2})).isInstanceOf(StoreFailedException.class)
                    .hasMessageContaining("reopen");
            assertThat(store.count()).isEqualTo(1);
        }
        try (BlockStore store = BlockStore.open(tmp)) {
            assertThat(store.openReport().corruption()).isEmpty();
            store.append(1, new byte[] {2});
            assertThat(store.records()).extracting(StoredRecord::height).containsExactly(0L, 1L);
        }
    }

    @Test
    void refusesNegativeHeightsOversizedPayloadsAndUseAfterClose() throws IOException {
        BlockStore store = BlockStore.open(tmp);
        assertThatThrownBy(() -> store.append(-1, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.append(0, new byte[BlockStore.MAX_PAYLOAD_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 16777216 bytes");
        assertThat(store.count()).isZero();
        store.close();
        assertThatThrownBy(() -> store.append(0, new byte[1])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(store::records).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPayloadOfExactlySixteenMebibytesIsAccepted() throws IOException {
        byte[] big = new byte[BlockStore.MAX_PAYLOAD_BYTES];
        big[big.length - 1] = 42;
        try (BlockStore store = BlockStore.open(tmp)) {
            store.append(0, big);
        }
        try (BlockStore store = BlockStore.open(tmp)) {
            assertThat(store.records()).containsExactly(new StoredRecord(0, big));
        }
    }
}
