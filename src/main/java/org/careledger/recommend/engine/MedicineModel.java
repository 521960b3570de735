package org.careledger.recommend.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per-condition sub-models: for each condition treated in training, the medicines given for it,
 * ranked by a {@link Learner} on age, sex, the other active conditions and the medication history
 * (codes seen at least {@value #MIN_CODE_COUNT} times among that condition's episodes), or by
 * frequency alone when no learner is given, only one medicine was ever given or the condition has
 * fewer than {@value #MIN_LEARNED_EPISODES} episodes. A condition not
 * seen in training gets no suggestion.
 */
final class MedicineModel implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MIN_CODE_COUNT = 2;
    /** A condition with fewer episodes is ranked by frequency: too few to learn from (and Smile's forest fails on them). */
    static final int MIN_LEARNED_EPISODES = 20;
    /** Below this many episodes of the same condition in an age band, the evidence quotes the condition alone. */
    static final int MIN_BAND_EPISODES = 20;

    final String learner;
    private final Map<String, ConditionModel> byCondition;
    /**
     * With a history-aware model, how much a medicine already in the patient's history is kept: the
     * share of such candidates that were the episode's medicine in training (add-one smoothed); an
     * episode is a medicine's first order for a reason, so a repeat is rare. Null (and in model files
     * written before it existed): no adjustment.
     */
    private final Double inHistoryFactor;

    private MedicineModel(String learner, Map<String, ConditionModel> byCondition, Double inHistoryFactor) {
        this.learner = learner;
        this.byCondition = byCondition;
        this.inHistoryFactor = inHistoryFactor;
    }

    record ConditionModel(List<String> medicines, int[] counts, List<String> history, List<String> active,
                          Learner.Scorer scorer, Map<String, int[]> countsByAgeBand) implements Serializable {

        double[] features(MedicineQuery q) {
            double[] x = new double[2 + history.size() + active.size()];
            x[0] = q.ageYears() / 100.0;
            x[1] = q.sex() == Sex.FEMALE ? 0 : 1;
            for (int i = 0; i < history.size(); i++) {
                x[2 + i] = q.medicationHistory().contains(history.get(i)) ? 1 : 0;
            }
            for (int i = 0; i < active.size(); i++) {
                x[2 + history.size() + i] = q.activeConditions().contains(active.get(i)) ? 1 : 0;
            }
            return x;
        }
    }

    /** @param learner null for the per-condition frequency baseline */
    static MedicineModel fit(List<MedicineEpisode> episodes, Learner learner) {
        return fit(episodes, learner, false);
    }

    /**
     * @param historyAware whether a medicine already in the patient's history is scored down by the rate
     *     at which such a medicine was the episode's medicine in {@code episodes} (only with a learner)
     */
    static MedicineModel fit(List<MedicineEpisode> episodes, Learner learner, boolean historyAware) {
        Map<String, List<MedicineEpisode>> groups = new TreeMap<>();
        episodes.forEach(e -> groups.computeIfAbsent(e.conditionCode(), k -> new ArrayList<>()).add(e));
        Map<String, ConditionModel> models = new HashMap<>();
        groups.forEach((condition, group) -> models.put(condition, fitCondition(group, learner)));
        Double factor = null;
        if (learner != null && historyAware) {
            long candidates = 0;
            long repeats = 0;
            for (MedicineEpisode e : episodes) {
                for (String rx : models.get(e.conditionCode()).medicines()) {
                    if (e.medicationHistory().contains(rx)) {
                        candidates++;
                        repeats += rx.equals(e.rxnorm()) ? 1 : 0;
                    }
                }
            }
            factor = (repeats + 1.0) / (candidates + 2.0);
        }
        String name = learner == null ? "per-condition" : learner.name() + "-per-condition" + (historyAware ? "-history-aware" : "");
        return new MedicineModel(name, models, factor);
    }

    private static ConditionModel fitCondition(List<MedicineEpisode> group, Learner learner) {
        List<String> medicines = List.copyOf(new TreeSet<>(group.stream().map(MedicineEpisode::rxnorm).toList()));
        int[] counts = new int[medicines.size()];
        Map<String, int[]> byBand = new TreeMap<>();
        int[] y = new int[group.size()];
        for (int i = 0; i < group.size(); i++) {
            MedicineEpisode e = group.get(i);
            y[i] = Collections.binarySearch(medicines, e.rxnorm());
            counts[y[i]]++;
            byBand.computeIfAbsent(Evidence.ageBand(e.ageYears()), b -> new int[medicines.size()])[y[i]]++;
        }
        List<String> history = frequentCodes(group, MedicineEpisode::medicationHistory);
        List<String> active = frequentCodes(group, MedicineEpisode::activeConditions);
        ConditionModel shell = new ConditionModel(medicines, counts, history, active, null, byBand);
        Learner.Scorer scorer = null;
        if (learner != null && medicines.size() > 1 && group.size() >= MIN_LEARNED_EPISODES) {
            double[][] x = new double[group.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = shell.features(group.get(i).query());
            }
            scorer = learner.fit(x, y, medicines.size());
        }
        return new ConditionModel(medicines, counts, history, active, scorer, byBand);
    }

    private static List<String> frequentCodes(List<MedicineEpisode> group, Function<MedicineEpisode, Set<String>> codes) {
        Map<String, Long> counts = group.stream().flatMap(e -> codes.apply(e).stream())
                .collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() >= MIN_CODE_COUNT).map(Map.Entry::getKey).toList();
    }

    Set<String> conditions() {
        return Collections.unmodifiableSet(new TreeSet<>(byCondition.keySet()));
    }

    boolean covers(MedicineQuery query) {
        return byCondition.containsKey(query.conditionCode());
    }

    /** The condition's medicines with their raw scores, best first; empty for an unknown condition. */
    List<Scored> score(MedicineQuery query) {
        ConditionModel m = byCondition.get(query.conditionCode());
        if (m == null) {
            return List.of();
        }
        double[] p;
        if (m.scorer() == null) {
            int total = java.util.Arrays.stream(m.counts()).sum();
            p = java.util.Arrays.stream(m.counts()).mapToDouble(c -> c / (double) total).toArray();
        } else {
            p = m.scorer().posteriors(m.features(query));
        }
        if (inHistoryFactor != null) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                if (query.medicationHistory().contains(m.medicines().get(i))) {
                    p[i] *= inHistoryFactor;
                }
                sum += p[i];
            }
            for (int i = 0; sum > 0 && i < p.length; i++) {
                p[i] /= sum;
            }
        }
        List<Scored> scored = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            scored.add(new Scored(m.medicines().get(i), p[i]));
        }
        scored.sort(Scored.BEST_FIRST);
        return scored;
    }

    /** "prescribed in 82 % of 1,204 similar episodes: same condition, age 50–64". */
    String evidence(MedicineQuery query, String rxnorm) {
        ConditionModel m = byCondition.get(query.conditionCode());
        String band = Evidence.ageBand(query.ageYears());
        int[] counts = m.countsByAgeBand().get(band);
        String similar = "same condition, age " + band;
        if (counts == null || java.util.Arrays.stream(counts).sum() < MIN_BAND_EPISODES) {
            counts = m.counts();
            similar = "same condition";
        }
        Map<String, Integer> byMedicine = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            byMedicine.put(m.medicines().get(i), counts[i]);
        }
        return Evidence.share("prescribed in", byMedicine, rxnorm, "similar episodes: " + similar);
    }

}
