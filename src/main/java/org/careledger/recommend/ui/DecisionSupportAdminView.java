package org.careledger.recommend.ui;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.recommend.ModelAdministration;
import org.careledger.recommend.engine.ModelCard;
import org.careledger.recommend.internal.TrainingRows;

/**
 * The admin's page for decision support: the current models, their evaluation against the baselines,
 * how often the suggestions were taken, and retraining in the background with its progress.
 */
@Route("admin/decision-support")
@PageTitle("Decision support · CareLedger")
@Menu(order = 10, title = "Decision support", icon = "vaadin:lightbulb")
@RolesAllowed(AppRoles.ADMIN)
class DecisionSupportAdminView extends VerticalLayout {

    private final ModelAdministration administration;
    final Paragraph model = new Paragraph();
    final Pre evaluation = new Pre();
    final Paragraph usage = new Paragraph();
    final Button retrain = new Button("Retrain now");
    final Button evaluate = new Button("Run the evaluation against the baselines");
    final Pre table = new Pre();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Paragraph step = new Paragraph();
    final ResponsiveGrid<TrainingRows.Run> runs = new ResponsiveGrid<>();
    private Registration polling;

    DecisionSupportAdminView(ModelAdministration administration) {
        this.administration = administration;
        setId("decision-support-admin-view");
        model.setId("model-card");
        evaluation.setId("model-evaluation");
        evaluation.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("font-size", "var(--lumo-font-size-s)");
        usage.setId("model-usage");
        retrain.setId("model-retrain");
        retrain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retrain.addClickListener(e -> startRetraining());
        evaluate.setId("model-evaluate");
        evaluate.addClickListener(e -> {
            if (ServiceCalls.attempt(administration::evaluate, null)) {
                FieldErrors.Notifications.success("The evaluation runs in the background (about a minute)");
                refresh();
            }
        });
        table.setId("model-evaluation-table");
        table.getStyle().set("white-space", "pre").set("overflow-x", "auto").set("max-width", "100%").set("font-size", "var(--lumo-font-size-xs)");
        progress.setId("model-progress");
        step.setId("model-step");
        runs.setId("model-runs");
        runs.text("Finished", r -> BrowserTime.format(r.finishedAt()));
        runs.text("By", TrainingRows.Run::startedBy);
        runs.text("Outcome", r -> switch (r.outcome()) {
            case "REPLACED" -> "new model in use";
            case "KEPT" -> "kept the current model (the new one was worse)";
            default -> "failed";
        });
        runs.text("Patients opted in", r -> Integer.toString(r.optedIn()));
        runs.text("Episodes added", r -> Integer.toString(r.episodesAdded()));
        runs.text("Detail", r -> r.detail() == null ? "" : r.detail());
        runs.setAllRowsVisible(true);
        add(new H2("Decision support"),
                new Paragraph("Suggestions for doctors: likely conditions from a patient's symptom report, and medicines in the "
                        + "prescription form. Never applied automatically; a medicine the patient is allergic to is never suggested."),
                new H3("Current model"), model, evaluation, usage,
                new H3("Evaluation against the baselines"),
                new Paragraph("The protocol of `recommend evaluate`: patients split 80/20 by a fixed seed, each model beside the "
                        + "per-condition and most-frequent baselines, with 95 % bootstrap intervals."), evaluate, table,
                new H3("Retrain"),
                new Paragraph("Trains new models in the background from the bundled Synthea data plus the coded records of patients "
                        + "who opted in. The new models replace the current ones only if they are not worse on the same evaluation."),
                retrain, progress, step, new H3("Past retrainings"), runs);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void startRetraining() {
        if (ServiceCalls.attempt(administration::retrain, null)) {
            FieldErrors.Notifications.success("Retraining started: it runs in the background");
            refresh();
        }
    }

    private void refresh() {
        ServiceCalls.attempt(() -> show(administration.status()), null);
    }

    private void show(ModelAdministration.Status s) {
        model.setText("Model " + s.current().version() + ", made " + BrowserTime.format(s.current().created()) + ", trained on "
                + s.current().trainingData() + (s.keptVersions().isEmpty() ? "" : ". Versions kept: " + String.join(", ", s.keptVersions())));
        ModelCard card = s.current();
        String heldOut = String.format(Locale.ROOT, "held-out patients of the training split: disease top1=%.3f top3=%.3f, "
                + "medicine top1=%.3f top3=%.3f (%s; %s)", card.diseaseTop1(), card.diseaseTop3(), card.medicineTop1(), card.medicineTop3(),
                card.diseaseModel(), card.medicineModel());
        evaluation.setText(card.evaluationLines().isEmpty() ? heldOut : heldOut + "\n" + String.join("\n", card.evaluationLines()));
        evaluate.setEnabled(!s.evaluating());
        table.setText(s.evaluating() ? "Running…" : s.evaluation().lines().isEmpty() ? "Not run on this install yet."
                : "Run " + BrowserTime.format(s.evaluation().at()) + "\n" + String.join("\n", s.evaluation().lines()));
        usage.setText(s.shown() == 0 ? "The prescription form has not shown suggestions yet. " + s.optedIn() + " patients opted in to training."
                : String.format(Locale.ROOT, "Suggestions shown %d times; a prescription followed %d times, one of the suggestions %d times "
                        + "(%d %%). %d patients opted in to training.", s.shown(), s.chosen(), s.accepted(),
                        s.chosen() == 0 ? 0 : Math.round(100.0 * s.accepted() / s.chosen()), s.optedIn()));
        ModelAdministration.Job job = s.job();
        retrain.setEnabled(!job.running());
        progress.setVisible(job.running());
        progress.setValue(Math.max(0, Math.min(1, job.progress())));
        step.setText(job.running() ? job.step() + " (" + Math.round(job.progress() * 100) + " %)"
                : job.last() == null ? "" : "Last retraining: " + job.last().outcome().toLowerCase(Locale.ROOT));
        UI.getCurrent().setPollInterval(job.running() || s.evaluating() ? 1000 : -1);
        runs.setItems(s.runs());
    }
}
