package org.careledger.ledger.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.careledger.Generators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.Generators.byteArrays;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Any single flipped bit anywhere in any record, the last one included, is reported as corruption of
 * exactly that record, and only the records before it are served. The header checksum covers the
 * length, so a flip can never make a record look torn: CRC32C catches every single-bit error.
 */
class BitFlipPropertiesTest {

    /** Two to eight payloads of up to 90 bytes, listed in hex when a property fails. */
    private static Gen<List<byte[]>> payloads() {
        return lists().of(byteArrays(0, 90)).ofSizeBetween(2, 8)
                .describedAs(payloads -> payloads.stream().map(Generators::describe).collect(Collectors.joining(", ", "[", "]")));
    }

    @Test
    void anyFlippedBitIsReportedAsCorruptionOfItsRecordAndOnlyEarlierRecordsAreServed() {
        qt().withExamples(100)
                .forAll(payloads(), longs().between(0, 1L << 40), integers().between(0, 7), integers().between(120, 400))
                .checkAssert((payloads, where, bit, maxFileBytes) -> {
                    try {
                        assertAFlippedBitIsReportedAsCorruption(payloads, where, bit, maxFileBytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Stores {@code payloads} as heights 50 on, flips bit {@code bit} of byte {@code where} (modulo the size) and reopens. */
    private static void assertAFlippedBitIsReportedAsCorruption(List<byte[]> payloads, long where, int bit, int maxFileBytes)
            throws IOException {
        Path dir = Files.createTempDirectory("bitflip");
        try {
            List<StoredRecord> originals = new ArrayList<>();
            List<Integer> fileOf = new ArrayList<>();
            List<Long> offsetOf = new ArrayList<>();
            try (BlockStore store = BlockStore.open(dir, maxFileBytes)) {
                for (int i = 0; i < payloads.size(); i++) {
                    originals.add(new StoredRecord(50 + i, payloads.get(i)));
                    store.append(50 + i, payloads.get(i));
                }
            }
            // Where each record landed, following the documented roll rule.
            long total = 0;
            int fileIndex = 0;
            long end = 0;
            for (byte[] p : payloads) {
                long length = StoreDamage.recordLength(p);
                if (end > 0 && end + length > maxFileBytes) {
                    fileIndex++;
                    end = 0;
                }
                fileOf.add(fileIndex);
                offsetOf.add(end);
                end += length;
                total += length;
            }
            long position = where % total;
            int victim = 0;
            long before = 0;
            while (before + StoreDamage.recordLength(payloads.get(victim)) <= position) {
                before += StoreDamage.recordLength(payloads.get(victim++));
            }
            long inRecord = position - before;
            Path file = StoreDamage.file(dir, fileOf.get(victim));
            long sizeBefore = Files.size(file);
            StoreDamage.flipBit(file, offsetOf.get(victim) + inRecord, bit);

            try (BlockStore store = BlockStore.open(dir, maxFileBytes)) {
                OpenReport report = store.openReport();
                assertThat(report.bytesTruncated()).isZero();
                Corruption corruption = report.corruption().orElseThrow(() -> new AssertionError("flip not detected"));
                assertThat(corruption.fileName()).isEqualTo(RecordFormat.fileName(fileOf.get(victim)));
                assertThat(corruption.offset()).isEqualTo(offsetOf.get(victim));
                assertThat(corruption.height()).isEqualTo(inRecord < 20 ? -1 : 50 + victim);
                assertThat(store.records()).containsExactlyElementsOf(originals.subList(0, victim));
                assertThatThrownBy(() -> store.append(99, new byte[1])).isInstanceOf(StoreCorruptedException.class);
            }
            assertThat(Files.size(file)).as("nothing cut").isEqualTo(sizeBefore);
        } finally {
            StoreDamage.deleteRecursively(dir);
        }
    }
}
