package org.careledger.ledger.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.store.StoreDamage.appendAll;
import static org.careledger.ledger.store.StoreDamage.appendBytes;
import static org.careledger.ledger.store.StoreDamage.copyOf;
import static org.careledger.ledger.store.StoreDamage.file;
import static org.careledger.ledger.store.StoreDamage.recordLength;
import static org.careledger.ledger.store.StoreDamage.sampleRecords;
import static org.careledger.ledger.store.StoreDamage.truncate;

/** A crash while appending leaves the last record cut short: reopening cuts it off and carries on. */
class TornTailTest {

    @TempDir
    Path tmp;

    @Test
    void everyCutInsideTheLastRecordIsCutOffAsATornTailAndTheStoreCarriesOn() throws IOException {
        List<StoredRecord> records = sampleRecords(100, 4, 3);
        records.set(3, new StoredRecord(103, new byte[40]));
        Path original = tmp.resolve("original");
        try (BlockStore store = BlockStore.open(original)) {
            appendAll(store, records);
        }
        long end = Files.size(file(original, 0));
        long start = end - recordLength(records.get(3).payload());
        StoredRecord next = new StoredRecord(104, new byte[] {9, 9});
        for (long cut = start; cut <= end; cut++) {
            Path dir = copyOf(original, tmp.resolve("cut-" + cut));
            truncate(file(dir, 0), cut);
            boolean whole = cut == end;
            List<StoredRecord> expected = new ArrayList<>(records.subList(0, whole ? 4 : 3));
            try (BlockStore store = BlockStore.open(dir)) {
                OpenReport report = store.openReport();
                assertThat(report.corruption()).as("cut at %d", cut).isEmpty();
                assertThat(report.bytesTruncated()).as("cut at %d", cut).isEqualTo(cut - (whole ? end : start));
                assertThat(report.recordsRead()).isEqualTo(expected.size());
                assertThat(store.records()).containsExactlyElementsOf(expected);
                assertThat(Files.size(file(dir, 0))).as("file cut back to the last complete record")
                        .isEqualTo(whole ? end : start);
                store.append(next.height(), next.payload());
            }
            expected.add(next);
            try (BlockStore store = BlockStore.open(dir)) {
                assertThat(store.openReport().clean()).as("cut at %d, reopened after an append", cut).isTrue();
                assertThat(store.records()).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aZeroFilledTailIsTornNotCorrupt() throws IOException {
        List<StoredRecord> records = sampleRecords(0, 3, 4);
        try (BlockStore store = BlockStore.open(tmp)) {
            appendAll(store, records);
        }
        long size = Files.size(file(tmp, 0));
        for (int zeros : new int[] {100, 7}) {
            appendBytes(file(tmp, 0), new byte[zeros]);
            try (BlockStore store = BlockStore.open(tmp)) {
                assertThat(store.openReport()).isEqualTo(new OpenReport(3, zeros, java.util.Optional.empty()));
                assertThat(store.records()).containsExactlyElementsOf(records);
            }
            assertThat(Files.size(file(tmp, 0))).isEqualTo(size);
        }
    }

    @Test
    void aTornRecordAtTheStartOfANewlyRolledFileLeavesItEmptyAndAppendsGoThere() throws IOException {
        try (BlockStore store = BlockStore.open(tmp, 100)) {
            store.append(0, new byte[60]);
            store.append(1, new byte[60]);
        }
        truncate(file(tmp, 1), 30);
        try (BlockStore store = BlockStore.open(tmp, 100)) {
            assertThat(store.openReport()).isEqualTo(new OpenReport(1, 30, java.util.Optional.empty()));
            store.append(1, new byte[] {5});
        }
        assertThat(Files.size(file(tmp, 1))).isEqualTo(25);
        try (BlockStore store = BlockStore.open(tmp, 100)) {
            assertThat(store.records()).extracting(StoredRecord::height).containsExactly(0L, 1L);
        }
    }

    @Test
    void aReadOnlyViewSkipsATornTailButLeavesItForTheWriterToCut() throws IOException {
        try (BlockStore store = BlockStore.open(tmp)) {
            store.append(0, new byte[] {1});
        }
        byte[] partial = Arrays.copyOf(RecordFormat.encode(1, new byte[10]).array(), 22);
        appendBytes(file(tmp, 0), partial);
        try (BlockStore reader = BlockStore.openReadOnly(tmp)) {
            assertThat(reader.openReport()).isEqualTo(new OpenReport(1, 22, java.util.Optional.empty()));
            assertThat(reader.count()).isEqualTo(1);
        }
        assertThat(Files.size(file(tmp, 0))).isEqualTo(25 + 22);
        try (BlockStore writer = BlockStore.open(tmp)) {
            assertThat(writer.openReport().bytesTruncated()).isEqualTo(22);
        }
        assertThat(Files.size(file(tmp, 0))).isEqualTo(25);
    }
}
