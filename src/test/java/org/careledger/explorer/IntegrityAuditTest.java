package org.careledger.explorer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.DevAccounts;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.SecurityAudit;
import org.careledger.identity.SecurityEvent;
import org.careledger.identity.SecurityEventFilter;
import org.careledger.identity.SecurityEventLog;
import org.careledger.identity.TestAccounts;
import org.careledger.ledger.StoredChain;
import org.careledger.node.LedgerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The integrity audit re-validating the running portal's node stores, in the background, as an admin watches. */
class IntegrityAuditTest extends IntegrationTest {

    static final String ADMIN = DemoAccounts.ADMIN.username();

    @Autowired
    IntegrityAudit audit;
    @Autowired
    LedgerService ledger;

    @Autowired
    org.careledger.node.ConsortiumControl control;
    @Autowired
    SecurityEventLog securityEvents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    final List<AuditProgress> notices = new CopyOnWriteArrayList<>();
    Runnable unsubscribe = () -> { };

    @BeforeEach
    void signInAndListen() {
        TestAccounts.signIn(ADMIN, Role.ADMIN);
        unsubscribe = audit.subscribe(notices::add);
        ledger.awaitCommitted(ledger.submit(DevAccounts.ganacheAccount(5), Tokens.transfer(DevAccounts.ganacheAccount(6).address(), 1),
                1000).id(), Duration.ofSeconds(30));
    }

    @AfterEach
    void stopListening() {
        unsubscribe.run();
        TestAccounts.signOut();
    }

    @Test
    void aSoundChainIsFoundValidOnEveryNodeWithTheProgressReachingAHundredPercent() {
        AuditReport report = runToTheEnd();

        assertThat(report.outcome()).isEqualTo(AuditReport.Outcome.VALID);
        assertThat(report.nodes()).extracting(AuditedNode::node).containsExactlyElementsOf(control.nodeNames());
        assertThat(report.nodes()).allSatisfy(n -> {
            assertThat(n.valid()).isTrue();
            assertThat(n.height()).isPositive();
            assertThat(n.badHeight()).isEqualTo(-1);
        });
        assertThat(report.startedBy()).isEqualTo(ADMIN);
        assertThat(report.finishedAt()).isAfterOrEqualTo(report.startedAt());
        assertThat(notices).extracting(AuditProgress::percent).isSorted();
        assertThat(notices.get(notices.size() - 1).percent()).isEqualTo(100.0);
        assertThat(audit.progress().running()).isFalse();
        assertThat(lastAuditEvent().outcome()).isEqualTo("valid: 3 node stores valid");
    }

    @Test
    void aFlippedByteInABlockFileIsReportedWithItsNodeHeightAndRule() throws IOException {
        Path file = StoredChain.blocksDirectory(DATA_DIR, "northgate").resolve("blocks-00000.dat");
        Record second = recordAt(file, 1);
        long offset = second.payloadOffset() + second.payloadLength() / 2;
        flip(file, offset);
        AuditReport report;
        try {
            report = runToTheEnd();
        } finally {
            flip(file, offset);
        }

        assertThat(report.outcome()).isEqualTo(AuditReport.Outcome.INVALID);
        AuditedNode northgate = report.node("northgate").orElseThrow();
        assertThat(northgate.valid()).isFalse();
        assertThat(northgate.badHeight()).isEqualTo(second.height());
        assertThat(northgate.rule()).isEqualTo("storeChecksum");
        assertThat(northgate.summary()).startsWith("invalid at height " + second.height() + ", rule storeChecksum");
        assertThat(report.node("st-marys").orElseThrow().valid()).isTrue();
        assertThat(report.node("riverside").orElseThrow().valid()).isTrue();
        assertThat(report.detail()).isEqualTo("northgate at height " + second.height() + " (storeChecksum)");
        assertThat(notices.get(notices.size() - 1).percent()).isEqualTo(100.0);
        assertThat(lastAuditEvent().outcome()).isEqualTo("invalid: northgate at height " + second.height() + " (storeChecksum)");
    }

    @Test
    void aCancelledAuditStopsAndIsKeptAsCancelled() {
        AuditProgress[] cancelledAt = {null};
        Runnable cancelOnFirstNotice = audit.subscribe(progress -> {
            if (cancelledAt[0] == null && progress.running()) {
                cancelledAt[0] = progress;
                TestAccounts.as(ADMIN, Role.ADMIN, () -> {
                    audit.cancel();
                    return null;
                });
            }
        });
        try {
            AuditReport report = runToTheEnd();

            assertThat(report.outcome()).isEqualTo(AuditReport.Outcome.CANCELLED);
            assertThat(report.nodes()).isEmpty();
            assertThat(report.detail()).isEqualTo("cancelled after 0 of 3 nodes");
            assertThat(notices.get(notices.size() - 1).percent()).isLessThan(100.0);
            assertThat(lastAuditEvent().outcome()).isEqualTo("cancelled: cancelled after 0 of 3 nodes");
            assertThatThrownBy(() -> audit.cancel()).isInstanceOf(OperationNotAllowedException.class)
                    .hasMessage("No integrity audit is running.");
        } finally {
            cancelOnFirstNotice.run();
        }
    }

    @Test
    void onlyOneAuditRunsAtATimeAndOnlyAdminsRunOne() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable hold = audit.subscribe(progress -> {
            if (progress.running() && holding.getCount() > 0) {
                holding.countDown();
                await(release);
            }
        });
        try {
            audit.start();
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(audit.progress().running()).isTrue();
            assertThat(audit.progress().startedBy()).isEqualTo(ADMIN);
            assertThatThrownBy(() -> audit.start()).isInstanceOf(OperationNotAllowedException.class)
                    .hasMessage("An integrity audit started by " + ADMIN + " is running already; wait for it to finish or cancel it.");
            TestAccounts.signIn("doctor@careledger.test", Role.DOCTOR);
            assertThatThrownBy(() -> audit.start()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.cancel()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.lastReport()).isInstanceOf(AccessDeniedException.class);
            TestAccounts.signIn(ADMIN, Role.ADMIN);
        } finally {
            release.countDown();
            hold.run();
        }
        Await.until("the audit ends", () -> !audit.progress().running());
    }

    @Test
    void theLastReportIsKeptInTheDatabaseAsARestartFindsIt() {
        AuditReport report = runToTheEnd();

        IntegrityAuditRecords afterARestart = new IntegrityAuditRecords(jdbc, transactions);
        AuditReport kept = afterARestart.last().orElseThrow();
        assertThat(kept.id()).isEqualTo(report.id());
        assertThat(kept.startedBy()).isEqualTo(ADMIN);
        assertThat(kept.outcome()).isEqualTo(report.outcome());
        assertThat(kept.startedAt()).isEqualTo(report.startedAt());
        assertThat(kept.finishedAt()).isEqualTo(report.finishedAt());
        assertThat(kept.nodes()).isEqualTo(report.nodes());
        assertThat(audit.lastReport()).contains(kept);
    }

    private AuditReport runToTheEnd() {
        notices.clear();
        AuditProgress started = audit.start();
        assertThat(started.running()).isTrue();
        Await.until("the audit ends", Duration.ofSeconds(60),
                () -> notices.stream().anyMatch(p -> p.finished().isPresent()));
        AuditReport report = notices.stream().filter(p -> p.finished().isPresent()).findFirst().orElseThrow().finished().orElseThrow();
        assertThat(audit.lastReport()).contains(report);
        return report;
    }

    private SecurityEvent lastAuditEvent() {
        return securityEvents.page(new SecurityEventFilter(ADMIN, SecurityAudit.INTEGRITY_AUDIT, null, null), null, 1).events().get(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A block record's place in a block file (see ledger.store.RecordFormat: 20 header bytes, the payload, 4 checksum bytes). */
    record Record(long height, long payloadOffset, int payloadLength) {
    }

    private static Record recordAt(Path file, int index) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long at = 0;
            for (int i = 0; ; i++) {
                ByteBuffer header = ByteBuffer.allocate(20);
                channel.read(header, at);
                int length = header.getInt(4);
                long height = header.getLong(8);
                if (i == index) {
                    return new Record(height, at + 20, length);
                }
                at += 20 + length + 4;
            }
        }
    }

    private static void flip(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x10));
            channel.write(one.rewind(), offset);
        }
    }
}
