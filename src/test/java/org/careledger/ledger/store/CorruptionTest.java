package org.careledger.ledger.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.ledger.store.StoreDamage.appendAll;
import static org.careledger.ledger.store.StoreDamage.appendBytes;
import static org.careledger.ledger.store.StoreDamage.file;
import static org.careledger.ledger.store.StoreDamage.flipBit;
import static org.careledger.ledger.store.StoreDamage.sampleRecords;
import static org.careledger.ledger.store.StoreDamage.truncate;

/** Damage a crash cannot explain is reported, never served, never cut off, and stops appends. */
class CorruptionTest {

    @TempDir
    Path tmp;

    private List<StoredRecord> storeOf(int count) throws IOException {
        List<StoredRecord> records = sampleRecords(10, count, 5);
        try (BlockStore store = BlockStore.open(tmp)) {
            appendAll(store, records);
        }
        return records;
    }

    private long offsetOf(List<StoredRecord> records, int index) {
        return records.subList(0, index).stream().mapToLong(r -> r.payloadLength() + 24L).sum();
    }

    @Test
    void appendingToACorruptedStoreIsRefusedWithTheHeightFileAndOffset() throws IOException {
        List<StoredRecord> records = storeOf(5);
        long offset = offsetOf(records, 2);
        flipBit(file(tmp, 0), offset + 20 + records.get(2).payloadLength(), 0); // first byte of its payload checksum
        try (BlockStore store = BlockStore.open(tmp)) {
            Corruption corruption = store.openReport().corruption().orElseThrow();
            assertThat(corruption).isEqualTo(new Corruption("blocks-00000.dat", offset, 12, "payload checksum mismatch"));
            assertThat(corruption.message()).isEqualTo(
                    "block record at height 12 (blocks-00000.dat offset " + offset + "): payload checksum mismatch");
            assertThat(store.records()).containsExactlyElementsOf(records.subList(0, 2));
            assertThat(store.count()).isEqualTo(2);
            assertThatThrownBy(() -> store.append(15, new byte[] {1})).isInstanceOf(StoreCorruptedException.class)
                    .hasMessageContaining("refuses to append")
                    .hasMessageContaining("height 12 (blocks-00000.dat offset " + offset + "): payload checksum mismatch");
        }
        assertThat(Files.size(file(tmp, 0))).as("corrupt bytes are not cut").isEqualTo(offsetOf(records, 5));
    }

    @Test
    void everySingleBitFlipInEveryByteOfASmallStoreIsCaughtNeverServed() throws IOException {
        List<StoredRecord> records = storeOf(3);
        Path clean = Files.createDirectories(tmp.resolve("clean"));
        Files.move(file(tmp, 0), file(clean, 0));
        byte[] original = Files.readAllBytes(file(clean, 0));
        Path damaged = Files.createDirectories(tmp.resolve("damaged"));
        for (int position = 0; position < original.length; position++) {
            int victim = 0;
            while (offsetOf(records, victim + 1) <= position) {
                victim++;
            }
            for (int bit = 0; bit < 8; bit++) {
                Files.write(file(damaged, 0), original);
                flipBit(file(damaged, 0), position, bit);
                int p = position;
                int b = bit;
                try (BlockStore store = BlockStore.openReadOnly(damaged)) {
                    Corruption corruption = store.openReport().corruption()
                            .orElseThrow(() -> new AssertionError("not detected: byte " + p + " bit " + b));
                    assertThat(corruption.offset()).isEqualTo(offsetOf(records, victim));
                    assertThat(store.openReport().bytesTruncated()).isZero();
                    assertThat(store.records()).containsExactlyElementsOf(records.subList(0, victim));
                }
            }
        }
    }

    @Test
    void aDamagedHeaderIsReportedWithoutAHeight() throws IOException {
        List<StoredRecord> records = storeOf(3);
        flipBit(file(tmp, 0), offsetOf(records, 1) + 9, 3); // inside the height
        try (BlockStore store = BlockStore.open(tmp)) {
            Corruption corruption = store.openReport().corruption().orElseThrow();
            assertThat(corruption.height()).isEqualTo(-1);
            assertThat(corruption.message()).contains("unknown height").contains("header checksum mismatch");
            assertThat(store.records()).containsExactly(records.get(0));
        }
    }

    @Test
    void nonZeroGarbageAfterTheLastRecordIsCorruptionAndIsKept() throws IOException {
        List<StoredRecord> records = storeOf(3);
        byte[] garbage = new byte[30];
        Arrays.fill(garbage, (byte) 0x5a);
        appendBytes(file(tmp, 0), garbage);
        try (BlockStore store = BlockStore.open(tmp)) {
            assertThat(store.openReport().corruption().orElseThrow().reason()).startsWith("bad magic 0x5a5a5a5a");
            assertThat(store.openReport().bytesTruncated()).isZero();
            assertThat(store.records()).containsExactlyElementsOf(records);
        }
        assertThat(Files.size(file(tmp, 0))).isEqualTo(offsetOf(records, 3) + 30);
    }

    @Test
    void aRecordCutShortInAFileThatIsNotTheLastIsCorruption() throws IOException {
        try (BlockStore store = BlockStore.open(tmp, 100)) {
            store.append(0, new byte[10]);
            store.append(1, new byte[10]);
            store.append(2, new byte[10]);
        }
        truncate(file(tmp, 0), 60);
        try (BlockStore store = BlockStore.open(tmp, 100)) {
            Corruption corruption = store.openReport().corruption().orElseThrow();
            assertThat(corruption.fileName()).isEqualTo("blocks-00000.dat");
            assertThat(corruption.offset()).isEqualTo(34);
            assertThat(corruption.height()).isEqualTo(1);
            assertThat(corruption.reason()).contains("not the last block file");
            assertThat(store.records()).extracting(StoredRecord::height).containsExactly(0L);
            assertThatThrownBy(() -> store.append(3, new byte[0])).isInstanceOf(StoreCorruptedException.class);
        }
        assertThat(Files.size(file(tmp, 0))).isEqualTo(60);
    }

    @Test
    void anIntactHeaderDeclaringMoreThanSixteenMebibytesIsCorruptionEvenAtTheEndOfTheLastFile() throws IOException {
        List<StoredRecord> records = storeOf(2);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(20).putInt(RecordFormat.MAGIC)
                .putInt(RecordFormat.MAX_PAYLOAD + 1).putLong(12);
        header.putInt(RecordFormat.crc32c(header.array(), 0, 16));
        appendBytes(file(tmp, 0), header.array());
        try (BlockStore store = BlockStore.open(tmp)) {
            assertThat(store.openReport().corruption().orElseThrow().message()).isEqualTo("block record at height 12 "
                    + "(blocks-00000.dat offset " + offsetOf(records, 2) + "): declared payload length 16777217 exceeds the limit of 16777216 bytes");
            assertThat(store.openReport().bytesTruncated()).isZero();
        }
        assertThat(Files.size(file(tmp, 0))).isEqualTo(offsetOf(records, 2) + 20);
    }

    @Test
    void aMissingBlockFileIsCorruption() throws IOException {
        try (BlockStore store = BlockStore.open(tmp, 50)) {
            for (int i = 0; i < 3; i++) {
                store.append(i, new byte[10]);
            }
        }
        Files.delete(file(tmp, 1));
        try (BlockStore store = BlockStore.open(tmp, 50)) {
            assertThat(store.openReport().corruption().orElseThrow().message())
                    .isEqualTo("block file blocks-00001.dat is missing, but blocks-00002.dat exists: the blocks it held are gone,"
                            + " and no later block is read");
            assertThat(store.records()).extracting(StoredRecord::height).containsExactly(0L);
        }
    }

    @Test
    void bytesDamagedAfterOpeningAreRefusedWhenRead() throws IOException {
        List<StoredRecord> records = storeOf(3);
        try (BlockStore store = BlockStore.open(tmp)) {
            flipBit(file(tmp, 0), offsetOf(records, 1) + 21, 0);
            assertThatThrownBy(store::records).isInstanceOf(StoreCorruptedException.class)
                    .hasMessageContaining("height 11").hasMessageContaining("changed on disk since the store was opened");
        }
    }
}
