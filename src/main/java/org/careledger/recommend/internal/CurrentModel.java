package org.careledger.recommend.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.careledger.install.InstallSettings;
import org.careledger.recommend.engine.Recommender;
import org.careledger.recommend.engine.Training;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The models decision support ranks with: the one an admin's retraining made current (a versioned
 * directory under {@code <data-dir>/recommend/models}, named by {@code <data-dir>/recommend/current}),
 * else the one shipped in the jar, else one trained from the bundled data (seconds). Loaded on first
 * use, never on the start path (nor kept in memory by an install that never uses it). A file that cannot be
 * read is logged and skipped for the next in that order, so a damaged model never stops the portal.
 */
@Component
public class CurrentModel {

    private static final Logger log = LoggerFactory.getLogger(CurrentModel.class);

    private final Path dir;
    private final Object lock = new Object();
    private volatile Recommender current;

    CurrentModel(InstallSettings install) {
        this.dir = install.dataDir().resolve("recommend");
    }

    /** The current models, loading them if this is the first use. */
    public Recommender get() {
        Recommender r = current;
        if (r != null) {
            return r;
        }
        synchronized (lock) {
            if (current == null) {
                long started = System.nanoTime();
                current = loadFirst();
                log.info("Decision support: model {} loaded in {} ms", current.card().version(), (System.nanoTime() - started) / 1_000_000);
            }
            return current;
        }
    }

    /** Whether the models are loaded (the first use after start may wait for them). */
    public boolean loaded() {
        return current != null;
    }

    /** Keeps {@code replacement} as a new version and makes it current, for this run and the next. */
    public void replace(Recommender replacement) throws IOException {
        Path versionDir = dir.resolve("models").resolve(replacement.card().version());
        replacement.save(versionDir);
        Path pointer = dir.resolve("current");
        Path temp = dir.resolve("current.tmp");
        Files.writeString(temp, replacement.card().version(), StandardCharsets.UTF_8);
        try {
            Files.move(temp, pointer, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, pointer, StandardCopyOption.REPLACE_EXISTING);
        }
        synchronized (lock) {
            current = replacement;
        }
    }

    /** Keeps the evaluation table (as `recommend evaluate` prints it) beside the models, with when it ran. */
    public void keepEvaluation(List<String> lines) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve("evaluation.txt.tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        try {
            Files.move(temp, dir.resolve("evaluation.txt"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, dir.resolve("evaluation.txt"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last evaluation table kept, and when it was written; empty lines if none. */
    public KeptEvaluation lastEvaluation() {
        Path file = dir.resolve("evaluation.txt");
        try {
            return new KeptEvaluation(Files.readAllLines(file, StandardCharsets.UTF_8), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return new KeptEvaluation(List.of(), null);
        }
    }

    public record KeptEvaluation(List<String> lines, java.time.Instant at) {
    }

    /** The versions kept under the data directory, oldest first. */
    public List<String> keptVersions() {
        Path models = dir.resolve("models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(models)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Recommender loadFirst() {
        List<String> problems = new ArrayList<>();
        Path pointer = dir.resolve("current");
        if (Files.exists(pointer)) {
            try {
                return Recommender.load(dir.resolve("models").resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip()));
            } catch (IOException | RuntimeException e) {
                problems.add("the current model under " + dir + ": " + e.getMessage());
            }
        }
        try {
            Recommender shipped = Recommender.loadShipped();
            problems.forEach(p -> log.warn("Decision support: skipped {}; using the shipped model", p));
            return shipped;
        } catch (RuntimeException e) {
            problems.add("the shipped model: " + e.getMessage());
        }
        problems.forEach(p -> log.warn("Decision support: skipped {}", p));
        log.info("Decision support: training the models from the bundled data");
        return Training.train(Training.bundled(), progress -> { });
    }
}
