package org.careledger.recommend.ui;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.InvalidInputException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.recommend.ConditionAnalysis;
import org.careledger.recommend.SymptomAnalysis;
import org.careledger.records.PatientCodes;

/**
 * The doctor's view of a patient's symptom reports with the conditions the model ranks for each: a
 * read of the record under the patient's consent, recorded on the ledger's audit. Decision support
 * only: the doctor diagnoses.
 */
@Route("doctor/symptoms/:" + SymptomAnalysisView.ADDRESS)
@PageTitle("Symptom analysis · CareLedger")
@RolesAllowed(AppRoles.DOCTOR)
class SymptomAnalysisView extends VerticalLayout implements BeforeEnterObserver {

    static final String ADDRESS = "address";

    private final ConditionAnalysis analysis;
    private final VerticalLayout content = new VerticalLayout();

    SymptomAnalysisView(ConditionAnalysis analysis) {
        this.analysis = analysis;
        setId("symptom-analysis-view");
        content.setPadding(false);
        add(new H2("Symptom analysis"), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        Address patient;
        try {
            patient = PatientCodes.fromTyped(event.getRouteParameters().get(ADDRESS).orElse(""));
        } catch (InvalidInputException e) {
            content.add(new Paragraph("This is not a patient address: " + e.fieldErrors().values().iterator().next()));
            return;
        }
        Anchor back = new Anchor("doctor/patients/" + patient, "Back to the patient's record");
        back.setId("symptoms-back");
        back.getElement().setAttribute("router-link", true);
        content.add(back);
        List<SymptomAnalysis>[] found = new List[1];
        if (!ServiceCalls.attempt(() -> found[0] = analysis.analyse(patient), null)) {
            Paragraph no = new Paragraph("You may see the patient's symptom reports only while their consent covers symptom reports, "
                    + "or during an emergency access.");
            no.setId("symptoms-no-consent");
            content.add(no);
            return;
        }
        if (found[0].isEmpty()) {
            Paragraph none = new Paragraph("No symptom report in the part of the record open to you.");
            none.setId("symptoms-none");
            content.add(none);
            return;
        }
        content.add(new Paragraph("Likely conditions ranked by decision support from what the patient reported, with how often "
                + "the top one was right on patients the model was tested on. Suggestions, not a diagnosis."));
        int i = 0;
        for (SymptomAnalysis a : found[0]) {
            content.add(report(a, i++));
        }
    }

    private Div report(SymptomAnalysis a, int index) {
        Div card = new Div();
        card.setId("symptom-report-" + index);
        card.addClassName("cl-card");
        card.setWidthFull();
        String who = "age " + a.ageYears() + (a.sex() == null ? ", sex not given" : ", " + a.sex());
        card.add(new H3("Reported " + (a.reportedOn() == null ? "" : BrowserTime.format(a.reportedOn())) + " (" + who + ")"));
        StringBuilder symptoms = new StringBuilder();
        a.severities().forEach((name, severity) -> symptoms.append(symptoms.isEmpty() ? "" : "; ").append(name).append(" ").append(severity)
                .append("/100"));
        card.add(new Paragraph("Symptoms: " + symptoms));
        OrderedList ranked = new OrderedList();
        ranked.setId("ranked-conditions-" + index);
        for (SymptomAnalysis.Condition c : a.conditions()) {
            Span name = new Span(c.name());
            name.getStyle().set("font-weight", "600");
            Span confidence = new Span(String.format(Locale.ROOT, " · confidence %d %%", Math.round(c.confidence() * 100)));
            Paragraph evidence = new Paragraph(c.evidence());
            evidence.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
            ranked.add(new ListItem(name, confidence, evidence));
        }
        card.add(ranked);
        Paragraph model = new Paragraph("Ranked by model " + a.modelVersion());
        model.getStyle().set("font-size", "var(--lumo-font-size-s)");
        card.add(model);
        return card;
    }
}
