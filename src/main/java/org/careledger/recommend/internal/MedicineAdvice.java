package org.careledger.recommend.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.careledger.pharmacy.MedicineAdvisor;
import org.careledger.pharmacy.PrescribedWithAdvice;
import org.careledger.recommend.engine.RankedMedicine;
import org.careledger.recommend.engine.Recommender;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decision support's answer to the prescription form ({@link MedicineAdvisor}): the medicine model's
 * ranking for the case, with the pharmacy's refusals (allergies, withdrawn medicines) applied before
 * the top ones are taken. Each advice shown is kept, de-identified, and so is the doctor's choice.
 */
@Component
class MedicineAdvice implements MedicineAdvisor {

    /** A medicine the model gives less than this is not shown: "prescribed in 0 % of ..." helps nobody. */
    static final double MIN_CONFIDENCE = 0.05;

    private final CurrentModel model;
    private final AdviceRows rows;
    private final Clock clock;

    MedicineAdvice(CurrentModel model, AdviceRows rows, Clock clock) {
        this.model = model;
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public Advice advise(Case c, int k, Predicate<String> allowed) {
        Recommender recommender = model.get();
        String version = recommender.card().version();
        if (!recommender.treatableConditions().contains(c.conditionCode())) {
            return new Advice(null, List.of(), version, "The model has not seen this diagnosis treated in its training data, "
                    + "so it suggests nothing for it");
        }
        List<RankedMedicine> ranked = Blend.medicines(recommender, c.conditionCode(), Math.min(130, c.ageYears()), c.sex(),
                c.otherConditions(), c.medicationHistory(), k, allowed).stream().filter(m -> m.confidence() >= MIN_CONFIDENCE).toList();
        if (ranked.isEmpty()) {
            return new Advice(null, List.of(), version, "No medicine the model knows for this diagnosis is both likely and allowed for this patient");
        }
        String id = UUID.randomUUID().toString();
        rows.shown(id, Instant.now(clock), version, c.conditionCode(), ranked.stream().map(RankedMedicine::rxnorm).toList());
        return new Advice(id, ranked.stream().map(m -> new Suggestion(m.rxnorm(), m.name(), m.confidence(), m.evidence())).toList(),
                version, null);
    }

    @EventListener
    void on(PrescribedWithAdvice event) {
        rows.chosen(event.adviceId(), event.chosenRxnorm(), Instant.now(clock));
    }
}
