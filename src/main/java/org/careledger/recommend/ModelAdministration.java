package org.careledger.recommend;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.OperationNotAllowedException;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.recommend.engine.Evaluation;
import org.careledger.recommend.engine.MedicineEpisode;
import org.careledger.recommend.engine.ModelCard;
import org.careledger.recommend.engine.Recommender;
import org.careledger.recommend.engine.Training;
import org.careledger.recommend.engine.TrainingData;
import org.careledger.recommend.internal.AdviceRows;
import org.careledger.recommend.internal.CurrentModel;
import org.careledger.recommend.internal.PortalEpisodes;
import org.careledger.recommend.internal.TrainingConsentRows;
import org.careledger.recommend.internal.TrainingRows;
import org.careledger.records.CodedExtracts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * The admin's side of decision support: the current models with their evaluation, how the
 * suggestions were used, and retraining in the background (one at a time, with progress) from the
 * bundled data plus the coded records of the patients whose consent to it is on at that moment. The
 * new models replace the current ones only if they are not worse on the same evaluation (the fixed
 * Synthea test split); otherwise they are dropped and the run says why.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class ModelAdministration {

    private static final Logger log = LoggerFactory.getLogger(ModelAdministration.class);
    /** How much lower a new model's figure may be and still count as not worse: sampling noise on a few hundred cases. */
    static final double TOLERANCE = 0.005;

    private final CurrentModel model;
    private final TrainingConsentRows consents;
    private final CodedExtracts extracts;
    private final UserDirectory users;
    private final TrainingRows runs;
    private final AdviceRows advice;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile Job job = Job.IDLE;
    private volatile boolean evaluating;

    ModelAdministration(CurrentModel model, TrainingConsentRows consents, CodedExtracts extracts, UserDirectory users, TrainingRows runs,
                        AdviceRows advice, CurrentUser currentUser, Clock clock) {
        this.model = model;
        this.consents = consents;
        this.extracts = extracts;
        this.users = users;
        this.runs = runs;
        this.advice = advice;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What the admin page shows. */
    public Status status() {
        Recommender current = model.get();
        AdviceRows.Usage usage = advice.usage();
        return new Status(current.card(), model.keptVersions(), job, runs.latest(10), consents.optedInPatients().size(),
                usage.shown(), usage.chosen(), usage.accepted(), evaluating, model.lastEvaluation());
    }

    /**
     * Starts a retraining in the background and returns at once.
     *
     * @throws OperationNotAllowedException if one is running
     */
    public Job retrain() {
        String by = currentUser.require().username();
        synchronized (lock) {
            if (job.running()) {
                throw new OperationNotAllowedException("A retraining is running already (" + Math.round(job.progress() * 100) + " % done)");
            }
            job = new Job(true, 0, "Collecting the records of patients who opted in", null);
        }
        Thread t = new Thread(new DelegatingSecurityContextRunnable(() -> run(by)), "careledger-recommend-train");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return job;
    }

    /**
     * Runs the evaluation protocol (`recommend evaluate`: every model against its baselines on the fixed
     * split of the bundled data, and MIMIC) in the background and keeps its table beside the models.
     * About a minute of one low-priority thread.
     *
     * @throws OperationNotAllowedException if one is running
     */
    public void evaluate() {
        synchronized (lock) {
            if (evaluating) {
                throw new OperationNotAllowedException("The evaluation is running already");
            }
            evaluating = true;
        }
        Thread t = new Thread(() -> {
            try {
                model.keepEvaluation(Evaluation.evaluate());
            } catch (Exception | LinkageError e) {
                log.warn("Decision support: the evaluation failed", e);
            } finally {
                evaluating = false;
            }
        }, "careledger-recommend-evaluate");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void run(String by) {
        Instant started = Instant.now(clock);
        Recommender previous = model.get();
        List<Long> optedIn = consents.optedInPatients();
        int added = 0;
        String candidateVersion = null;
        try {
            Map<Long, LocalDate> births = new HashMap<>();
            optedIn.forEach(id -> users.find(new UserId(id)).ifPresent(p -> births.put(id, p.dateOfBirth())));
            List<MedicineEpisode> extra = PortalEpisodes.of(extracts.of(optedIn.stream().map(UserId::new).toList()), births);
            added = extra.size();
            TrainingData data = Training.bundled().plus(extra, extra.size() + " medicine episodes from " + optedIn.size()
                    + " patients who opted in");
            progress(0.1, "Training on " + data.description());
            Recommender candidate = Training.train(data, p -> progress(0.1 + 0.7 * p, "Training on " + data.description()));
            candidateVersion = candidate.card().version();
            progress(0.85, "Comparing with the current model on the same evaluation");
            boolean notWorse = candidate.card().notWorseThan(previous.card(), TOLERANCE);
            String outcome;
            if (notWorse) {
                model.replace(candidate);
                outcome = "REPLACED";
            } else {
                outcome = "KEPT";
            }
            finish(new TrainingRows.Run(started, Instant.now(clock), by, outcome, candidateVersion, previous.card().version(), optedIn.size(),
                    added, "new " + figures(candidate.card()) + "; current " + figures(previous.card())));
        } catch (Exception | LinkageError e) {
            log.warn("Decision support: retraining failed", e);
            finish(new TrainingRows.Run(started, Instant.now(clock), by, "FAILED", candidateVersion, previous.card().version(),
                    optedIn.size(), added, String.valueOf(e.getMessage())));
        }
    }

    private static String figures(ModelCard card) {
        return String.format(java.util.Locale.ROOT, "disease top1=%.3f top3=%.3f, medicine top1=%.3f top3=%.3f", card.diseaseTop1(),
                card.diseaseTop3(), card.medicineTop1(), card.medicineTop3());
    }

    private void progress(double done, String message) {
        job = new Job(true, done, message, null);
    }

    private void finish(TrainingRows.Run run) {
        runs.add(run);
        job = new Job(false, 1, null, run);
    }

    /**
     * @param optedIn  how many patients' consent to training is on now
     * @param shown      how often the prescription form showed suggestions; chosen: a prescription followed; accepted: it was one of them
     * @param evaluation the last evaluation table run from this page (empty if none)
     */
    public record Status(ModelCard current, List<String> keptVersions, Job job, List<TrainingRows.Run> runs, int optedIn,
                         long shown, long chosen, long accepted, boolean evaluating, CurrentModel.KeptEvaluation evaluation) {
    }

    /**
     * A retraining: running with its progress (0..1) and step, or the last one's outcome.
     */
    public record Job(boolean running, double progress, String step, TrainingRows.Run last) {
        static final Job IDLE = new Job(false, 0, null, null);
    }
}
