package org.careledger.recommend.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.careledger.recommend.SymptomAnalysis;
import org.careledger.recommend.engine.MedicineQuery;
import org.careledger.recommend.engine.RankedCondition;
import org.careledger.recommend.engine.RankedMedicine;
import org.careledger.recommend.engine.Recommender;
import org.careledger.recommend.engine.Sex;
import org.careledger.recommend.engine.SymptomReport;

/**
 * Asks the models for a case whose sex may be unknown: with the sex when it is known, otherwise once
 * for each and the two rankings averaged (a candidate missing from one ranking counts 0 there), so a
 * patient who prefers not to say still gets a ranking, weighing both equally.
 */
public final class Blend {

    private Blend() {
    }

    public static List<SymptomAnalysis.Condition> conditions(Recommender r, int age, String sex, Map<String, Integer> severities, int k) {
        List<List<RankedCondition>> rankings = new ArrayList<>();
        for (Sex s : sexes(sex)) {
            rankings.add(r.rankConditions(new SymptomReport(age, s, severities), k));
        }
        Map<String, double[]> score = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        for (List<RankedCondition> ranking : rankings) {
            for (RankedCondition c : ranking) {
                score.computeIfAbsent(c.condition(), x -> new double[1])[0] += c.confidence() / rankings.size();
                evidence.putIfAbsent(c.condition(), c.evidence());
            }
        }
        return score.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]))
                .limit(k).map(e -> new SymptomAnalysis.Condition(e.getKey(), e.getValue()[0], evidence.get(e.getKey()))).toList();
    }

    public static List<RankedMedicine> medicines(Recommender r, String condition, int age, String sex, Set<String> otherConditions,
                                                 Set<String> history, int k, Predicate<String> allowed) {
        List<List<RankedMedicine>> rankings = new ArrayList<>();
        for (Sex s : sexes(sex)) {
            rankings.add(r.rankMedicines(new MedicineQuery(condition, age, s, otherConditions, history), k, allowed));
        }
        if (rankings.size() == 1) {
            return rankings.get(0);
        }
        Map<String, double[]> score = new LinkedHashMap<>();
        Map<String, RankedMedicine> first = new LinkedHashMap<>();
        for (List<RankedMedicine> ranking : rankings) {
            for (RankedMedicine m : ranking) {
                score.computeIfAbsent(m.rxnorm(), x -> new double[1])[0] += m.confidence() / rankings.size();
                first.putIfAbsent(m.rxnorm(), m);
            }
        }
        return score.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]))
                .limit(k).map(e -> {
                    RankedMedicine m = first.get(e.getKey());
                    return new RankedMedicine(m.rxnorm(), m.name(), e.getValue()[0], m.evidence());
                }).toList();
    }

    private static List<Sex> sexes(String sex) {
        if ("female".equals(sex)) {
            return List.of(Sex.FEMALE);
        }
        if ("male".equals(sex)) {
            return List.of(Sex.MALE);
        }
        return List.of(Sex.FEMALE, Sex.MALE);
    }
}
