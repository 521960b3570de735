package org.careledger.fhir;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.crypto.Address;
import org.careledger.fhir.internal.BundleReader;
import org.careledger.identity.UserProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs FHIR imports in the background, one at a time, on a worker of their own (never the common pool):
 * one worker because a 20 MB Bundle parsed takes a few hundred MB, and a queue of four more, each holding
 * its file; a fifth waiting file is turned away with a message. The worker thread is made on the first
 * import and ends after a minute without one, so nothing runs at start-up. Each import runs as the
 * person who started it (their security context goes with it), so the services' checks apply again
 * inside it. One person runs one import per patient at a time.
 */
@Component
class FhirImportJobs {

    private static final Logger log = LoggerFactory.getLogger(FhirImportJobs.class);
    static final int QUEUED = 4;

    /** The import's work, told of its progress through the job; returns its report or throws why it refused the file. */
    interface Work {
        FhirImportReport run(FhirImportJob job);
    }

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED), r -> {
        Thread t = new Thread(r, "careledger-fhir-import");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentMap<String, FhirImportJob> running = new ConcurrentHashMap<>();

    FhirImportJobs() {
        worker.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues {@code work} as {@code who}'s import for {@code patient}, as the signed-in user.
     *
     * @throws OperationNotAllowedException if {@code who} already runs an import for the patient, or four files wait
     */
    FhirImportJob start(UserProfile who, Address patient, Work work) {
        String key = key(who, patient);
        FhirImportJob job = new FhirImportJob();
        if (running.putIfAbsent(key, job) != null) {
            throw new OperationNotAllowedException("An import of a FHIR file for this patient is already running; "
                    + "wait for its report before you import another");
        }
        SecurityContext as = SecurityContextHolder.createEmptyContext();
        as.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        try {
            worker.execute(new DelegatingSecurityContextRunnable(() -> run(key, job, work), as));
        } catch (RejectedExecutionException e) {
            running.remove(key, job);
            throw new OperationNotAllowedException("The portal is importing other files; try again in a minute");
        }
        return job;
    }

    /** {@code who}'s import for {@code patient} still running, if one is. */
    Optional<FhirImportJob> running(UserProfile who, Address patient) {
        return Optional.ofNullable(running.get(key(who, patient)));
    }

    /** The Bundle read, with the reader's progress told to the job; a refusal as the typed exception. */
    static BundleReader.Read read(byte[] json, FhirImportJob job) {
        job.at(FhirImportJob.Stage.READING, 0, 0);
        try {
            return BundleReader.read(json, (done, total) -> job.at(FhirImportJob.Stage.CHECKING, done, total));
        } catch (BundleReader.Refusal r) {
            throw new FhirImportRefused(r.getMessage(), r.messages);
        }
    }

    /** Refuses at once, before queueing, a file over the limit. */
    static void checkSize(byte[] json) {
        if (json.length > BundleReader.MAX_BYTES) {
            throw new FhirImportRefused("The file is larger than " + BundleReader.MAX_BYTES / (1024 * 1024) + " MB");
        }
    }

    /** Where imported entries say they come from. */
    static String source(String fileName) {
        return "FHIR import" + (fileName == null || fileName.isBlank() ? "" : ": " + fileName.strip());
    }

    private void run(String key, FhirImportJob job, Work work) {
        FhirImportReport report = null;
        String refusal = null;
        List<String> details = List.of();
        try {
            report = work.run(job);
        } catch (FhirImportRefused e) {
            refusal = e.reason();
            details = e.details();
        } catch (InvalidInputException e) {
            refusal = "An entry in the file breaks a rule of its kind, so nothing was imported";
            details = List.copyOf(e.fieldErrors().values());
        } catch (OperationNotAllowedException | NotFoundException | AccessDeniedException e) {
            refusal = e.getMessage();
        } catch (RuntimeException e) {
            log.warn("A FHIR import failed", e);
            refusal = "The import failed, and nothing was stored";
        } finally {
            running.remove(key, job);
        }
        if (report != null) {
            job.done(report);
        } else {
            job.refused(refusal, details);
        }
    }

    private static String key(UserProfile who, Address patient) {
        return who.id().value() + "/" + patient;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
