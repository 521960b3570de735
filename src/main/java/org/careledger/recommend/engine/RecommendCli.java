package org.careledger.recommend.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code recommend evaluate}: prints the evaluation table ({@link Evaluation}).
 * {@code recommend train --out DIR [--unless-newer-than PATH...]}: trains on the bundled data and
 * saves the model as the current version in DIR; with {@code --unless-newer-than}, does nothing when
 * DIR's current model is newer than every file under the paths given, and otherwise leaves only the
 * new version in DIR (the build's shipped model).
 * Usage errors exit 2. Runs before, and without, Spring.
 */
public final class RecommendCli {

    private RecommendCli() {
    }

    public static boolean isRecommendCommand(String[] args) {
        return args.length > 0 && args[0].equals("recommend");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        quietSmile();
        if (args.length >= 2 && args[1].equals("evaluate") && args.length == 2) {
            long start = System.nanoTime();
            Evaluation.evaluate().forEach(out::println);
            out.printf(Locale.ROOT, "# evaluated in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return 0;
        }
        if (args.length >= 4 && args[1].equals("train") && args[2].equals("--out")
                && (args.length == 4 || args[4].equals("--unless-newer-than") && args.length > 5)) {
            try {
                Path dir = Path.of(args[3]);
                boolean build = args.length > 4;
                if (build && upToDate(dir, List.of(args).subList(5, args.length))) {
                    out.println("recommend: the model in " + dir + " is up to date");
                    return 0;
                }
                Recommender model = Training.train(Training.bundled(), p -> { }, Clock.systemUTC());
                model.save(dir);
                if (build) {
                    removeOtherVersions(dir, model.card().version());
                }
                out.printf(Locale.ROOT, "recommend: model %s trained in %d ms, saved in %s%n", model.card().version(),
                        model.card().trainingMillis(), dir);
                return 0;
            } catch (IOException e) {
                err.println("recommend: " + e.getMessage());
                return 1;
            }
        }
        err.println("usage: recommend evaluate | recommend train --out DIR [--unless-newer-than PATH...]");
        return 2;
    }

    private static boolean upToDate(Path dir, List<String> inputs) throws IOException {
        Path current = dir.resolve("CURRENT");
        if (!Files.exists(current)) {
            return false;
        }
        long model = Files.getLastModifiedTime(current).toMillis();
        for (String input : inputs) {
            Path path = Path.of(input);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                if (files.anyMatch(f -> modified(f) > model)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The build ships one version only. */
    private static void removeOtherVersions(Path dir, String version) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("recommender-") && !name.startsWith("recommender-" + version + ".")) {
                    Files.delete(f);
                }
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Smile logs each tree's out-of-bag accuracy at INFO; a command line run before Spring has no
     * logging configuration, so Logback would print them all. Sets Logback's root level to WARN, and Smile's to OFF (its optimiser's
     * convergence warnings and out-of-bag notes are no news to a user), when
     * Logback is there (by reflection: the engine does not depend on it). Also for benchmarks and tools.
     */
    public static void quietSmile() {
        try {
            Object root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            root.getClass().getMethod("setLevel", level).invoke(root, level.getField("WARN").get(null));
            Object smile = org.slf4j.LoggerFactory.getLogger("smile");
            smile.getClass().getMethod("setLevel", level).invoke(smile, level.getField("OFF").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            // another logging back end: leave it as configured
        }
    }
}
