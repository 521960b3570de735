package org.careledger.explorer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.OperationNotAllowedException;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.SecurityAudit;
import org.careledger.node.ConsortiumControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The integrity audit: "verify the whole chain" re-validates every node's block store from genesis
 * with the checks of {@code ledger verify} ({@link ConsortiumControl#auditStore}), in the background on
 * one daemon thread of the lowest priority that checks signatures itself (no pool), so the portal's
 * requests and the nodes keep the other cores; {@code careledger.integrity-audit.threads} (default 1,
 * at most the cores) gives it a pool of that many lowest-priority threads for the signatures instead:
 * faster (on 2 cores, about 1.1 of {@code ledger verify}'s speed against 0.6 with one thread), at the
 * cost of the cores the portal serves pages with while it runs (Linux ignores Java's priorities). One audit at a time; it can be cancelled. Its report
 * (per node: valid, or the first bad height and the rule) is kept with its start and finish time and
 * the admin who started it ({@link IntegrityAuditRecords}), and stored as a security event
 * ({@code INTEGRITY_AUDIT}). Pages follow it through {@link #subscribe}: a notice at each node, at
 * most every {@value #NOTICE_MILLIS} ms between, and one with the report as it ends.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class IntegrityAudit {

    static final long NOTICE_MILLIS = 250;
    private static final Logger log = LoggerFactory.getLogger(IntegrityAudit.class);

    private final ConsortiumControl ledger;
    private final IntegrityAuditRecords records;
    private final SecurityAudit securityAudit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AtomicReference<AuditRun> running = new AtomicReference<>();
    private final Set<Consumer<AuditProgress>> listeners = ConcurrentHashMap.newKeySet();
    private volatile long lastNoticeNanos;

    /** Threads that check signatures: 1 (the default) is the audit's own thread; more are a pool of the lowest priority. */
    private final int threads;

    IntegrityAudit(ConsortiumControl ledger, IntegrityAuditRecords records, SecurityAudit securityAudit, CurrentUser currentUser,
                   Clock clock, @org.springframework.beans.factory.annotation.Value("${careledger.integrity-audit.threads:1}") int threads) {
        if (threads < 1 || threads > Runtime.getRuntime().availableProcessors()) {
            throw new IllegalArgumentException("careledger.integrity-audit.threads must be between 1 and the number of cores ("
                    + Runtime.getRuntime().availableProcessors() + "), not " + threads);
        }
        this.threads = threads;
        this.ledger = ledger;
        this.records = records;
        this.securityAudit = securityAudit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Starts an audit of every node's store in the background and returns at once.
     *
     * @throws OperationNotAllowedException if an audit is running already
     */
    public AuditProgress start() {
        String admin = currentUser.username().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in first"));
        AuditRun[] made = new AuditRun[1];
        AuditRun run = running.updateAndGet(current -> current != null ? current
                : (made[0] = new AuditRun(Instant.now(clock), admin, ledger.nodeNames(), this::advanced)));
        if (run != made[0]) {
            throw new OperationNotAllowedException("An integrity audit started by " + run.startedBy + " is running already;"
                    + " wait for it to finish or cancel it.");
        }
        Thread thread = new Thread(() -> audit(run), "careledger-integrity-audit");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        log.info("Integrity audit of {} node stores started by {}", run.nodes.size(), admin);
        return run.progress();
    }

    /**
     * Asks the running audit to stop; it ends at its next record, keeping the nodes it finished.
     *
     * @throws OperationNotAllowedException if no audit is running
     */
    public void cancel() {
        AuditRun run = running.get();
        if (run == null) {
            throw new OperationNotAllowedException("No integrity audit is running.");
        }
        run.cancel();
    }

    /** Where the running audit is, or {@link AuditProgress#IDLE}. */
    public AuditProgress progress() {
        AuditRun run = running.get();
        return run == null ? AuditProgress.IDLE : run.progress();
    }

    /** The audit that ended last, kept across restarts. */
    public Optional<AuditReport> lastReport() {
        return records.last();
    }

    /**
     * Subscribes to the audits' progress; run the returned action to unsubscribe. The listener is
     * called on the audit's thread and should only hand the notice to its page ({@code ui.access}).
     */
    public Runnable subscribe(Consumer<AuditProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void audit(AuditRun run) {
        List<AuditedNode> found = new ArrayList<>();
        AuditReport.Outcome outcome;
        String detail;
        java.util.concurrent.ExecutorService verifiers = threads == 1 ? null : java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "careledger-integrity-audit-verify");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        try {
            for (int i = 0; i < run.nodes.size(); i++) {
                run.node(i);
                found.add(AuditedNode.of(ledger.auditStore(run.nodes.get(i), verifiers, run)));
            }
            List<AuditedNode> bad = found.stream().filter(n -> !n.valid()).toList();
            outcome = bad.isEmpty() ? AuditReport.Outcome.VALID : AuditReport.Outcome.INVALID;
            detail = bad.isEmpty() ? found.size() + " node stores valid"
                    : String.join("; ", bad.stream().map(n -> n.node() + " at height " + n.badHeight() + " (" + n.rule() + ")").toList());
        } catch (CancellationException e) {
            outcome = AuditReport.Outcome.CANCELLED;
            detail = "cancelled after " + found.size() + " of " + run.nodes.size() + " nodes";
        } catch (RuntimeException e) {
            log.warn("Integrity audit failed", e);
            outcome = AuditReport.Outcome.FAILED;
            detail = "could not run to the end: " + e.getMessage();
        } finally {
            if (verifiers != null) {
                verifiers.shutdownNow();
            }
        }
        finish(run, outcome, detail, found);
    }

    private void finish(AuditRun run, AuditReport.Outcome outcome, String detail, List<AuditedNode> found) {
        AuditReport report = null;
        try {
            report = records.save(run.startedAt, Instant.now(clock), run.startedBy, outcome, detail, found);
            securityAudit.integrityAudited(run.startedBy, outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail);
            log.info("Integrity audit started by {} ended {}: {}", run.startedBy, outcome, detail);
        } catch (RuntimeException e) {
            log.error("The integrity audit's report could not be kept ({} : {})", outcome, detail, e);
        } finally {
            running.set(null);
            notify(new AuditProgress(false, outcome == AuditReport.Outcome.VALID || outcome == AuditReport.Outcome.INVALID ? 100
                    : run.done() * 100, Optional.empty(), null, run.startedAt, run.startedBy, Optional.ofNullable(report)));
        }
    }

    /** Called by the audit's thread at each node and after each record: a notice, unless one went out just now. */
    private void advanced(AuditRun run, boolean newNode) {
        long now = System.nanoTime();
        if (newNode || now - lastNoticeNanos >= NOTICE_MILLIS * 1_000_000) {
            lastNoticeNanos = now;
            notify(run.progress());
        }
    }

    private void notify(AuditProgress progress) {
        for (Consumer<AuditProgress> listener : listeners) {
            try {
                listener.accept(progress);
            } catch (RuntimeException e) {
                log.warn("An integrity audit listener failed: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        AuditRun run = running.get();
        if (run != null) {
            run.cancel();
        }
    }
}
