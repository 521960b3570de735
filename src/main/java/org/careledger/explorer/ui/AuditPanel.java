package org.careledger.explorer.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.AuditProgress;
import org.careledger.explorer.AuditReport;
import org.careledger.explorer.AuditedNode;
import org.careledger.explorer.IntegrityAudit;

/**
 * The integrity audit on the consortium page: start it, follow its progress (per cent and time left)
 * and cancel it; the last audit's result per node, with when it ran and who ran it.
 */
class AuditPanel extends Div {

    private final IntegrityAudit audit;
    final Button start = new Button("Verify the whole chain");
    final Button cancel = new Button("Cancel");
    final ProgressBar bar = new ProgressBar(0, 100);
    final Span progressText = new Span();
    final Div progress = new Div();
    final Div result = new Div();

    AuditPanel(IntegrityAudit audit) {
        this.audit = audit;
        setId("audit-panel");
        start.setId("audit-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> ServiceCalls.attempt(() -> show(audit.start()), null));
        cancel.setId("audit-cancel");
        cancel.addClickListener(click -> ServiceCalls.attempt(audit::cancel, null));
        progress.setId("audit-progress");
        progress.add(bar, progressText);
        result.setId("audit-result");
        result.getStyle().set("overflow-wrap", "anywhere");
        Paragraph what = new Paragraph("Re-validates every node's stored blocks from genesis with the checks of ledger verify,"
                + " in the background, and reports the first bad block of each node.");
        HorizontalLayout buttons = new HorizontalLayout(start, cancel);
        buttons.setWrap(true);
        add(new H3("Integrity audit"), what, buttons, progress, result);
        show(audit.progress());
        showReport(audit.lastReport());
    }

    /** Shows a notice from the audit; the last one of an audit carries its report. */
    void show(AuditProgress p) {
        start.setEnabled(!p.running());
        cancel.setEnabled(p.running());
        bar.setValue(Math.max(0, Math.min(100, p.percent())));
        progress.setVisible(p.running() || p.finished().isPresent());
        progressText.setText(progressText(p));
        p.finished().ifPresent(r -> showReport(Optional.of(r)));
    }

    static String progressText(AuditProgress p) {
        String percent = String.format(Locale.ROOT, "%.0f %%", Math.floor(p.percent()));
        if (!p.running()) {
            return p.finished().map(r -> "Finished: " + percent).orElse("No audit running");
        }
        return percent + " · " + p.timeLeft().map(AuditPanel::timeLeft).orElse("estimating the time left")
                + (p.currentNode() == null ? "" : " · checking " + p.currentNode());
    }

    static String timeLeft(Duration left) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        return seconds < 60 ? "about " + seconds + " s left"
                : "about " + (seconds + 59) / 60 + " min left";
    }

    private void showReport(Optional<AuditReport> report) {
        result.removeAll();
        if (report.isEmpty()) {
            result.add(new Paragraph("No audit has been run yet."));
            return;
        }
        AuditReport r = report.get();
        Paragraph head = new Paragraph(outcome(r) + " Started by " + r.startedBy() + " on " + BrowserTime.format(r.startedAt())
                + ", finished " + BrowserTime.format(r.finishedAt()) + ".");
        head.getStyle().set("font-weight", "600");
        result.add(head);
        for (AuditedNode n : r.nodes()) {
            Div line = new Div(new Span(n.node() + ": " + n.summary() + n.noteText().map(note -> " (" + note + ")").orElse("")));
            line.setId("audit-result-" + n.node());
            line.getStyle().set("color", n.valid() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            result.add(line);
        }
    }

    static String outcome(AuditReport r) {
        return switch (r.outcome()) {
            case VALID -> "Last audit: every node's store is valid.";
            case INVALID -> "Last audit: INVALID — " + r.detail() + ".";
            case CANCELLED -> "Last audit: cancelled (" + r.detail() + ").";
            case FAILED -> "Last audit: failed — " + r.detail() + ".";
        };
    }
}
