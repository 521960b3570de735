package org.careledger.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.careledger.Await;
import org.careledger.CareLedgerApplication;
import org.careledger.crypto.Address;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.node.TransactionCommitted;
import org.careledger.records.DoctorRecords;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The load test's command: {@code ./mvnw -B -Pload test-compile exec:exec -Dload.users=10,50,100}. Starts
 * the portal in this JVM (demo profile, loopback, random port, a fresh data directory, no demo records,
 * no welcome tokens), makes the people, measures the ledger idle, then for each N signs in N users over
 * real HTTP sessions, measures heap per idle session, drives every user's story {@code load.rounds}
 * times at once while the ledger is measured again, signs them out, and prints the figures and goals.
 */
public final class LoadRun {

    private static final int PROBE_TRANSACTIONS = 1000;
    /** -Dload.probe=false leaves out the ledger's burst beside the stories (its idle reference is still measured). */
    private static final boolean PROBE = Boolean.parseBoolean(System.getProperty("load.probe", "true"));
    private static final int WARM_UP_USERS = 4;
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(Long.getLong("load.phaseMinutes", 4));

    private final ConfigurableApplicationContext ctx;
    private final URI base;
    private final LedgerService ledger;
    private final LongAdder committed = new LongAdder();
    private final int rounds;
    private double idleLedgerRate;
    private int cutPhases;

    private LoadRun(ConfigurableApplicationContext ctx, int rounds) {
        this.ctx = ctx;
        this.rounds = rounds;
        this.base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort() + "/");
        this.ledger = ctx.getBean(LedgerService.class);
        Address treasury = ledger.addressOf(InstallKey.TREASURY);
        // the portal's own transactions: not the probe's, which the treasury signs
        ctx.addApplicationListener((ApplicationListener<ApplicationEvent>) e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof TransactionCommitted tx && !tx.sender().equals(treasury)) {
                committed.increment();
            }
        });
    }

    public static void main(String[] args) throws Exception {
        int[] users = Arrays.stream(System.getProperty("load.users", "10,50,100").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.getInteger("load.rounds", 5);
        if (Arrays.stream(users).anyMatch(n -> n < 2 || n > 200 || n % 2 != 0) || rounds < 1 || rounds > 50) {
            throw new IllegalArgumentException("load.users: even numbers 2..200; load.rounds: 1..50");
        }
        Path dir = Path.of(System.getProperty("load.dir", "target/load")).toAbsolutePath();
        Files.createDirectories(dir);
        Path data = Files.createTempDirectory(dir, "data-");
        long started = System.nanoTime();
        ConfigurableApplicationContext ctx = start(data);
        int exit = 0;
        try {
            LoadRun run = new LoadRun(ctx, rounds);
            System.out.printf(Locale.ROOT, "%nportal up in %.1f s at %s, data in %s; heap max %d MB; %d processors%n",
                    (System.nanoTime() - started) / 1e9, run.base, data, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            exit = run.all(users);
        } finally {
            ctx.close();
        }
        System.exit(exit);
    }

    private static ConfigurableApplicationContext start(Path data) {
        SpringApplication app = new SpringApplication(CareLedgerApplication.class);
        app.setAdditionalProfiles("demo");
        // as arguments, which outrank application.properties (default properties would not)
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1", "--careledger.data-dir=" + data,
                "--careledger.demo.records=false", "--careledger.ledger.welcome-tokens=0", "--vaadin.devmode.devTools.enabled=false",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.careledger.security=WARN"));
        // built with -Pload,production, the frontend's production bundle is on the classpath: measure the portal as it is
        // deployed. Vaadin's development mode records where each component was created (a stack walk per component)
        // and serves the dev bundle, which made pages 1.5-5x slower than production's in the same session
        if (LoadRun.class.getClassLoader().getResource("META-INF/VAADIN/webapp/index.html") != null) {
            args.add("--vaadin.productionMode=true");
            System.out.println("Vaadin: production mode (the bundle -Pproduction built)");
        } else {
            System.out.println("Vaadin: DEVELOPMENT mode, slower than a deployed portal; build with -Pload,production to measure production mode");
        }
        // -Dload.app="--a=b --c=d": more of the portal's settings, to try a change without editing it (printed with the figures)
        String more = System.getProperty("load.app", "").trim();
        if (!more.isEmpty()) {
            args.addAll(Arrays.asList(more.split("\\s+")));
        }
        System.out.println("portal settings: " + args);
        return app.run(args.toArray(String[]::new));
    }

    private int all(int[] users) {
        Await.until("the ledger is ready", Duration.ofMinutes(2), () -> ledger.refusal().isEmpty());
        int largest = Arrays.stream(users).max().orElseThrow();
        long t0 = System.nanoTime();
        List<LoadPeople.Pair> people = LoadPeople.create(ctx, Math.max(largest, WARM_UP_USERS) / 2); // the warm-up's too
        System.out.printf(Locale.ROOT, "made %d doctors and %d patients, on the registry, each pair with a mined grant, in %.1f s%n",
                people.size(), people.size(), (System.nanoTime() - t0) / 1e9);
        long idleCommitted = committed.sum();
        Gauges.sleep(5000);
        System.out.printf(Locale.ROOT, "idle: %.1f committed tx/s over 5 s; load %s%n", (committed.sum() - idleCommitted) / 5.0,
                Gauges.loadAverage());
        double[] idle = new double[3];
        for (int i = 0; i < idle.length; i++) {
            idle[i] = new LedgerProbe(ledger).burst(PROBE_TRANSACTIONS);
        }
        idleLedgerRate = Arrays.stream(idle).max().orElseThrow();
        System.out.printf(Locale.ROOT, "ledger idle: bursts of %d transfers committed at %s tx/s, the best %.1f is the reference; load %s%n",
                PROBE_TRANSACTIONS, Arrays.toString(Arrays.stream(idle).map(r -> Math.round(r)).toArray()), idleLedgerRate, Gauges.loadAverage());
        System.out.println("warm-up: " + WARM_UP_USERS + " users, its figures not shown ...");
        quietly(() -> phase(WARM_UP_USERS, people.subList(0, WARM_UP_USERS / 2)));
        long errors = 0;
        for (int n : users) {
            if (cutPhases > 0) {
                System.out.printf(Locale.ROOT, "%nN = %d skipped: an earlier phase was cut, and its users' requests may still be running%n", n);
                continue;
            }
            errors += phase(n, people.subList(0, n / 2));
        }
        return errors == 0 && cutPhases == 0 ? 0 : 1;
    }

    private static void quietly(Runnable action) {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(out);
        }
    }

    private long phase(int n, List<LoadPeople.Pair> pairs) {
        DoctorRecords doctorRecords = ctx.getBean(DoctorRecords.class);
        HttpClient http = HttpUser.sharedClient();
        List<Story> stories = new ArrayList<>();
        for (LoadPeople.Pair p : pairs) {
            stories.add(new Story(new HttpUser(http, base, p.doctor().username()), p.doctor(), p.patient(), true, doctorRecords));
            stories.add(new Story(new HttpUser(http, base, p.patient().username()), p.patient(), p.doctor(), false, doctorRecords));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            System.out.printf(Locale.ROOT, "%n=== N = %d users (%d doctors, %d patients), %d rounds each, think time %d ms; load before %s%n",
                    n, pairs.size(), pairs.size(), rounds, Story.THINK_MILLIS, Gauges.loadAverage());
            // memory first, with nothing else going on: heap before, with every user signed in and idle, after they signed out
            Timings signIn = new Timings();
            long heapBefore = Gauges.heapAfterGc();
            long w0 = System.nanoTime();
            everyone(pool, stories, s -> s.signIn(signIn));
            double signInWall = (System.nanoTime() - w0) / 1e9;
            long heapSignedIn = Gauges.heapAfterGc();
            Timings signOut = new Timings();
            everyone(pool, stories, s -> s.signOut(signOut));
            long heapSignedOut = Gauges.heapAfterGc();
            // the baseline is the heap just after the sign-outs, seconds later: the heap before the sign-ins still holds what
            // the phase before left behind for a while (it was up to 200 MB more at N = 100)
            double perSessionKb = (heapSignedIn - heapSignedOut) / 1024.0 / n;
            long w1 = System.nanoTime();
            everyone(pool, stories, s -> s.signIn(signIn));
            signInWall += (System.nanoTime() - w1) / 1e9;

            Timings work = new Timings();
            long committedBefore = committed.sum();
            long cpu0 = Gauges.processCpuNanos();
            long t0 = System.nanoTime();
            // -Dload.probe=false: no burst beside the stories, to see the reads' own times without the ledger's load
            CompletableFuture<Double> probe = PROBE ? CompletableFuture.supplyAsync(() -> {
                Gauges.sleep(1000);
                return new LedgerProbe(ledger).burst(PROBE_TRANSACTIONS);
            }) : CompletableFuture.completedFuture(Double.NaN);
            everyone(pool, stories, s -> {
                for (int r = 0; r < rounds; r++) {
                    s.pass(work);
                }
            });
            double wall = (System.nanoTime() - t0) / 1e9;
            boolean probeOutlived = !probe.isDone();
            double cpu = (Gauges.processCpuNanos() - cpu0) / 1e9;
            String loadAfter = Gauges.loadAverage();
            double txRate = (committed.sum() - committedBefore) / wall;
            double loadedLedgerRate = probe.join();

            everyone(pool, stories, s -> s.signOut(signOut));
            long errors = signIn.errorCount() + work.errorCount() + signOut.errorCount();
            report(n, signIn, signInWall, perSessionKb, heapBefore, heapSignedIn, heapSignedOut, work, wall, cpu, loadAfter, txRate,
                    loadedLedgerRate, probeOutlived, signOut, errors);
            return errors;
        } finally {
            // never interrupt: a thread interrupted in H2's file I/O closes the database for everyone
            pool.shutdown();
        }
    }

    /** Runs the step for every user at once; after {@link #PHASE_LIMIT} the figures so far stand and the rest is abandoned. */
    private void everyone(ExecutorService pool, List<Story> stories, Consumer<Story> step) {
        CompletableFuture<?>[] all = stories.stream().map(s -> CompletableFuture.runAsync(() -> step.accept(s), pool))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(PHASE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            long unfinished = Arrays.stream(all).filter(f -> !f.isDone()).count();
            System.out.printf(Locale.ROOT, "CUT: %d of %d users had not finished after %s; the figures below are what was done%n", unfinished,
                    all.length, PHASE_LIMIT);
            cutPhases++;
        } catch (Exception e) {
            throw new IllegalStateException("a step failed outside its timing: " + e, e);
        }
    }

    private void report(int n, Timings signIn, double signInWall, double perSessionKb, long heapBefore, long heapSignedIn, long heapSignedOut,
                        Timings work, double wall, double cpu, String loadAfter, double txRate, double loadedLedgerRate,
                        boolean probeOutlived, Timings signOut, long errors) {
        System.out.printf(Locale.ROOT, "sign-in of %d users at once, twice (for the memory figure, then for the stories), %.1f s wall in all:%n",
                n, signInWall);
        signIn.table(signInWall).forEach(System.out::println);
        System.out.printf(Locale.ROOT, "heap after GC: %.1f MB before the sign-ins, %.1f MB with %d signed in and idle (one UI each, "
                + "home page shown), %.1f MB after the sign-outs: (with - after) / N = %.0f KB per session%n", heapBefore / 1048576.0,
                heapSignedIn / 1048576.0, n, heapSignedOut / 1048576.0, perSessionKb);
        System.out.printf(Locale.ROOT, "stories, %d users x %d rounds, %.1f s wall, %d actions = %.1f actions/s:%n", n, rounds, wall,
                work.total(), work.total() / wall);
        work.table(wall).forEach(System.out::println);
        signOut.table(wall).stream().skip(1).forEach(System.out::println);
        System.out.printf(Locale.ROOT, "CPU: %.1f s of process CPU in %.1f s wall = %.2f cores (portal and load client in one JVM; "
                + "the machine has %d); load average after: %s%n", cpu, wall, cpu / wall, Runtime.getRuntime().availableProcessors(), loadAfter);
        if (Double.isNaN(loadedLedgerRate)) {
            System.out.printf(Locale.ROOT, "ledger: %.1f committed tx/s of the portal's own during the stories (the reads' audit); "
                    + "no probe burst beside them (-Dload.probe=false)%n", txRate);
        } else {
            System.out.printf(Locale.ROOT, "ledger: %.1f committed tx/s of the portal's own during the stories (the reads' audit); probe burst "
                    + "%.1f tx/s against %.1f idle = %.2f%s%n", txRate, loadedLedgerRate, idleLedgerRate, loadedLedgerRate / idleLedgerRate,
                    probeOutlived ? " (the users finished before the probe: part of it ran without load)" : " (all of it under load)");
        }
        System.out.printf(Locale.ROOT, "errors: %d%n", errors);
        List<String> first = new ArrayList<>(signIn.firstErrors());
        first.addAll(work.firstErrors());
        first.addAll(signOut.firstErrors());
        first.stream().limit(6).forEach(System.out::println);
        goals(n, work, perSessionKb, loadedLedgerRate / idleLedgerRate, errors);
    }

    private static void goals(int n, Timings work, double perSessionKb, double ledgerRatio, long errors) {
        if (n == 50) {
            goal("audited record read p95 <= 20 ms at N = 50 (the record page, one UIDL round trip)", work.percentile(Story.RECORD_PAGE, 95) <= 20,
                    String.format(Locale.ROOT, "%.1f ms", work.percentile(Story.RECORD_PAGE, 95)));
            goal("audited record read p95 <= 20 ms at N = 50 (readRecord service alone)", work.percentile(Story.RECORD_SERVICE, 95) <= 20,
                    String.format(Locale.ROOT, "%.1f ms", work.percentile(Story.RECORD_SERVICE, 95)));
            if (!Double.isNaN(ledgerRatio)) {
                goal("ledger tx/s while 50 users work >= 0.5 of idle", ledgerRatio >= 0.5, String.format(Locale.ROOT, "%.2f", ledgerRatio));
            }
        }
        if (n == 100) {
            goal("no error at N = 100", errors == 0, errors + " errors");
        }
        goal("memory per idle signed-in session <= 500 KB at N = " + n, perSessionKb <= 500, String.format(Locale.ROOT, "%.0f KB", perSessionKb));
    }

    private static void goal(String what, boolean met, String figure) {
        System.out.printf(Locale.ROOT, "%s %s: %s%n", met ? "PASS" : "FAIL", what, figure);
    }
}
