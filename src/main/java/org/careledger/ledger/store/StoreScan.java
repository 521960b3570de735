package org.careledger.ledger.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scan {@link BlockStore} runs on open: every block file in order, every record verified. It
 * applies the recovery rules: a record cut short at the end of the last file (header incomplete,
 * payload running past the end, or zeros from the record start to the end) is a torn tail and is cut
 * off, then the file is forced to disk; anything else that is not an intact record, and a torn record
 * in any file but the last, is a {@link Corruption}, where the scan stops without changing a byte.
 */
final class StoreScan {

    private static final Pattern FILE_NAME = Pattern.compile("blocks-(\\d{5,9})\\.dat");

    /** Verified length of each file up to where the store stops serving; the last entry is the append file. */
    final List<Long> fileEnds = new ArrayList<>();
    int records;
    long bytes;
    long lastHeight = -1;
    long bytesTruncated;
    Corruption corruption;

    private StoreScan() {
    }

    /** Scans {@code dir}; cuts a torn tail only if {@code cutTornTail} (a writer), else just counts it. */
    static StoreScan run(Path dir, boolean cutTornTail) throws IOException {
        StoreScan scan = new StoreScan();
        List<Path> files = new ArrayList<>();
        Corruption gap = blockFiles(dir, files);
        for (int i = 0; i < files.size() && scan.corruption == null; i++) {
            scan.scanFile(files.get(i), i == files.size() - 1 && gap == null, cutTornTail);
        }
        if (scan.corruption == null) {
            scan.corruption = gap;
        }
        return scan;
    }

    OpenReport report() {
        return new OpenReport(records, bytesTruncated, Optional.ofNullable(corruption));
    }

    private void scanFile(Path file, boolean last, boolean cutTornTail) throws IOException {
        long size = Files.size(file);
        RecordFileReader.Outcome outcome = RecordFileReader.read(file, size, (height, payload) -> lastHeight = height);
        records += outcome.records();
        bytes += outcome.validEnd();
        fileEnds.add(outcome.validEnd());
        RecordFileReader.Problem problem = outcome.problem();
        if (problem == null) {
            return;
        }
        String name = file.getFileName().toString();
        if (!problem.tornTail()) {
            corruption = new Corruption(name, problem.offset(), problem.height(), problem.reason());
        } else if (!last) {
            corruption = new Corruption(name, problem.offset(), problem.height(), problem.reason()
                    + ", but it is not the last block file, so a crash cannot explain it");
        } else {
            bytesTruncated = size - outcome.validEnd();
            if (cutTornTail) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(outcome.validEnd());
                    channel.force(true);
                }
            }
        }
    }

    /**
     * Adds the block files to {@code files} in order; a gap in the numbering ends the list and is
     * returned as corruption (null if there is none).
     */
    private static Corruption blockFiles(Path dir, List<Path> files) throws IOException {
        TreeMap<Integer, Path> byIndex = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(path -> {
                Matcher m = FILE_NAME.matcher(path.getFileName().toString());
                if (m.matches() && Files.isRegularFile(path)) {
                    byIndex.put(Integer.parseInt(m.group(1)), path);
                }
            });
        }
        for (var entry : byIndex.entrySet()) {
            if (entry.getKey() != files.size()) {
                return Corruption.missingFile(RecordFormat.fileName(files.size()), entry.getValue().getFileName().toString());
            }
            files.add(entry.getValue());
        }
        return null;
    }
}
