package org.careledger.install;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's durability under many callers at once: every caller returns only after a
 * checkpoint that started after it asked (so its commit is on disk), and one checkpoint serves many
 * callers, on a real H2 file.
 */
class H2GroupCommitTest {

    record Span(long start, long end) {
    }

    @Test
    void everyCallerIsCoveredByACheckpointThatStartedAfterItAskedAndCallersShareThem(@TempDir Path dir) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("portal") + ";DB_CLOSE_ON_EXIT=FALSE");
        List<Span> checkpoints = new CopyOnWriteArrayList<>();
        H2Maintenance maintenance = new H2Maintenance(timingCheckpoints(h2, checkpoints), null);
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(100))");
        }

        int threads = 12;
        int callsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Span>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                go.await();
                List<Span> calls = new ArrayList<>();
                try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
                    for (int i = 0; i < callsEach; i++) {
                        s.execute("INSERT INTO t (v) VALUES ('a commit')");
                        long asked = System.nanoTime();
                        maintenance.makeCommittedDurable();
                        calls.add(new Span(asked, System.nanoTime()));
                    }
                }
                return calls;
            }));
        }
        go.countDown();
        List<Span> calls = new ArrayList<>();
        for (Future<List<Span>> r : results) {
            calls.addAll(r.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(calls).hasSize(threads * callsEach).allSatisfy(call -> assertThat(checkpoints)
                .as("a checkpoint started after the caller asked and ended before it returned")
                .anySatisfy(cp -> assertThat(cp.start() >= call.start() && cp.end() <= call.end()).isTrue()));
        assertThat(checkpoints.size()).as("checkpoints for %d callers", calls.size()).isLessThan(calls.size());
        assertThat(Files.exists(dir.resolve("portal.mv.db"))).isTrue();
    }

    /** The data source with each {@code CHECKPOINT SYNC} timed, start to end. */
    private static DataSource timingCheckpoints(JdbcDataSource real, List<Span> checkpoints) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
            Object result = m.invoke(real, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (pc, mc, argsc) -> {
                Object r = mc.invoke(connection, argsc);
                if (!(r instanceof Statement statement)) {
                    return r;
                }
                return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, (ps, ms, argss) -> {
                    boolean checkpoint = argss != null && argss.length > 0 && "CHECKPOINT SYNC".equals(argss[0]);
                    long start = System.nanoTime();
                    Object out = ms.invoke(statement, argss);
                    if (checkpoint) {
                        checkpoints.add(new Span(start, System.nanoTime()));
                    }
                    return out;
                });
            });
        });
    }
}
