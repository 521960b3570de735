package org.careledger.recommend.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Symptoms (each known symptom: reported or not, and its severity), age and sex to probabilities of
 * each condition (PATHOLOGY) seen in training, by one {@link Learner}. Also keeps the counts the
 * evidence sentences quote.
 */
final class DiseaseModel implements Serializable {

    private static final long serialVersionUID = 1L;

    final String learner;
    private final List<String> symptoms;
    private final List<String> pathologies;
    private final Learner.Scorer scorer;
    /** symptom-name set seen with two or more conditions → a model of those conditions on severities, age and sex. */
    private final Map<String, SetModel> bySetModel;
    /** sorted symptom-name set → pathology → reports. */
    private final Map<String, Map<String, Integer>> bySymptomSet;
    /** symptom name → pathology → reports. */
    private final Map<String, Map<String, Integer>> bySymptom;
    /**
     * Weight of the symptom-overlap model mixed into the ranking of a symptom-name set not seen in
     * training (null, as in model files written before it existed, for none): each condition scored by
     * the reports of every set seen in training, weighted by the square of that set's Jaccard overlap
     * with the reported one. It orders the tail a forest leaves at zero. (Mixed into seen sets too, it
     * cost top-1 on the inner split: there the set's own counts and model already say more.)
     */
    private final Double overlapWeight;
    private transient volatile Map<String, Integer> symptomIndex;
    private transient volatile List<Map.Entry<java.util.Set<String>, Map<String, Integer>>> sets;

    private DiseaseModel(String learner, List<String> symptoms, List<String> pathologies, Learner.Scorer scorer,
                         Map<String, SetModel> bySetModel,
                         Map<String, Map<String, Integer>> bySymptomSet, Map<String, Map<String, Integer>> bySymptom,
                         Double overlapWeight) {
        this.overlapWeight = overlapWeight;
        this.learner = learner;
        this.bySetModel = bySetModel;
        this.symptoms = symptoms;
        this.pathologies = pathologies;
        this.scorer = scorer;
        this.bySymptomSet = bySymptomSet;
        this.bySymptom = bySymptom;
    }

    /** The conditions seen with one symptom-name set, scored on that set's severities, age and sex. */
    record SetModel(List<String> symptoms, List<String> pathologies, Learner.Scorer scorer) implements Serializable {

        static SetModel fit(List<SymptomCase> cases, Learner learner) {
            List<String> symptoms = List.copyOf(cases.get(0).report().severities().keySet());
            List<String> classes = cases.stream().map(SymptomCase::pathology).distinct().sorted().toList();
            double[][] x = new double[cases.size()][];
            int[] y = new int[cases.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = features(symptoms, cases.get(i).report());
                y[i] = classes.indexOf(cases.get(i).pathology());
            }
            return new SetModel(symptoms, classes, learner.fit(x, y, classes.size()));
        }

        static double[] features(List<String> symptoms, SymptomReport report) {
            double[] x = new double[symptoms.size() + 2];
            for (int i = 0; i < symptoms.size(); i++) {
                x[i] = report.severities().getOrDefault(symptoms.get(i), 0) / 100.0;
            }
            x[symptoms.size()] = report.ageYears() / 100.0;
            x[symptoms.size() + 1] = report.sex() == Sex.FEMALE ? 0 : 1;
            return x;
        }

        double[] posteriors(SymptomReport report) {
            return scorer.posteriors(features(symptoms, report));
        }
    }

    static DiseaseModel fit(List<SymptomCase> cases, Learner learner) {
        return fit(cases, learner, null);
    }

    /**
     * @param setLearner for each symptom-name set seen with several conditions, the learner of a
     *     model of just those (they differ only by severities, age and sex); null for none
     */
    static DiseaseModel fit(List<SymptomCase> cases, Learner learner, Learner setLearner) {
        return fit(cases, learner, setLearner, 0);
    }

    /** @param overlapWeight weight of the symptom-overlap model in the ranking, 0 for none */
    static DiseaseModel fit(List<SymptomCase> cases, Learner learner, Learner setLearner, double overlapWeight) {
        Map<String, SetModel> setModels = new HashMap<>();
        if (setLearner != null) {
            Map<String, List<SymptomCase>> groups = new TreeMap<>();
            cases.forEach(c -> groups.computeIfAbsent(setKey(c.report()), k -> new ArrayList<>()).add(c));
            groups.forEach((key, group) -> {
                if (group.stream().map(SymptomCase::pathology).distinct().count() > 1) {
                    setModels.put(key, SetModel.fit(group, setLearner));
                }
            });
        }
        TreeSet<String> symptoms = new TreeSet<>();
        TreeSet<String> pathologies = new TreeSet<>();
        Map<String, Map<String, Integer>> bySet = new HashMap<>();
        Map<String, Map<String, Integer>> bySymptom = new HashMap<>();
        for (SymptomCase c : cases) {
            symptoms.addAll(c.report().severities().keySet());
            pathologies.add(c.pathology());
            bySet.computeIfAbsent(setKey(c.report()), k -> new TreeMap<>()).merge(c.pathology(), 1, Integer::sum);
            for (String s : c.report().severities().keySet()) {
                bySymptom.computeIfAbsent(s, k -> new TreeMap<>()).merge(c.pathology(), 1, Integer::sum);
            }
        }
        List<String> classes = List.copyOf(pathologies);
        String name = (setLearner == null ? learner.name() : learner.name() + "+" + setLearner.name() + "-per-symptom-set")
                + (overlapWeight > 0 ? String.format(java.util.Locale.ROOT, "+%.2f-symptom-overlap", overlapWeight) : "");
        Double overlap = overlapWeight > 0 ? overlapWeight : null;
        DiseaseModel shell = new DiseaseModel(name, List.copyOf(symptoms), classes, null, setModels, bySet, bySymptom, overlap);
        double[][] x = new double[cases.size()][];
        int[] y = new int[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            x[i] = shell.features(cases.get(i).report());
            y[i] = java.util.Collections.binarySearch(classes, cases.get(i).pathology());
        }
        return new DiseaseModel(name, shell.symptoms, classes, learner.fit(x, y, classes.size()), setModels, bySet, bySymptom,
                overlap);
    }

    List<String> symptoms() {
        return symptoms;
    }

    /** Every known condition with its model probability, most likely first (ties by name). */
    List<Scored> score(SymptomReport report) {
        double[] p = scorer.posteriors(features(report));
        SetModel set = bySetModel.get(setKey(report));
        if (set != null) {
            // the set's own model decides among its conditions; the global one orders the rest below them
            double[] local = set.posteriors(report);
            for (int i = 0; i < p.length; i++) {
                p[i] *= 0.1;
            }
            for (int i = 0; i < local.length; i++) {
                int at = java.util.Collections.binarySearch(pathologies, set.pathologies().get(i));
                p[at] += 0.9 * local[i];
            }
        }
        if (overlapWeight != null && !bySymptomSet.containsKey(setKey(report))) {
            // a set never seen together: the forest's tail is mostly zeros, the overlap with the sets seen orders it
            double[] q = overlap(report.severities().keySet());
            for (int i = 0; i < p.length; i++) {
                p[i] = (1 - overlapWeight) * p[i] + overlapWeight * q[i];
            }
        }
        List<Scored> scored = new ArrayList<>(pathologies.size());
        for (int i = 0; i < pathologies.size(); i++) {
            scored.add(new Scored(pathologies.get(i), p[i]));
        }
        scored.sort(Scored.BEST_FIRST);
        return scored;
    }

    /** The symptom-overlap model: per condition, sum of Jaccard(reported, seen set)^2 * reports, normalised. */
    private double[] overlap(java.util.Set<String> reported) {
        List<Map.Entry<java.util.Set<String>, Map<String, Integer>>> all = sets;
        if (all == null) {
            all = new ArrayList<>();
            for (Map.Entry<String, Map<String, Integer>> e : new TreeMap<>(bySymptomSet).entrySet()) {
                all.add(Map.entry(java.util.Set.of(e.getKey().split("\\|")), e.getValue()));
            }
            sets = all;
        }
        double[] q = new double[pathologies.size()];
        double total = 0;
        for (Map.Entry<java.util.Set<String>, Map<String, Integer>> e : all) {
            int common = 0;
            for (String s : reported) {
                common += e.getKey().contains(s) ? 1 : 0;
            }
            if (common == 0) {
                continue;
            }
            double jaccard = common / (double) (reported.size() + e.getKey().size() - common);
            for (Map.Entry<String, Integer> c : e.getValue().entrySet()) {
                double w = jaccard * jaccard * c.getValue();
                q[java.util.Collections.binarySearch(pathologies, c.getKey())] += w;
                total += w;
            }
        }
        for (int i = 0; total > 0 && i < q.length; i++) {
            q[i] /= total;
        }
        return q;
    }

    /** Whether the model knows at least one of the reported symptoms. */
    boolean covers(SymptomReport report) {
        return report.severities().keySet().stream().anyMatch(index()::containsKey);
    }

    String evidence(SymptomReport report, String pathology) {
        Map<String, Integer> same = bySymptomSet.get(setKey(report));
        if (same != null) {
            return Evidence.share("seen in", same, pathology, "reports with these symptoms");
        }
        String strongest = report.severities().entrySet().stream().filter(e -> bySymptom.containsKey(e.getKey()))
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        if (strongest == null) {
            return "none of these symptoms was seen in training";
        }
        return Evidence.share("seen in", bySymptom.get(strongest), pathology, "reports with " + strongest.toLowerCase(java.util.Locale.ROOT));
    }

    /** Per known symptom: reported (0/1) and severity / 100; then age / 100 and sex (0 female, 1 male). */
    private double[] features(SymptomReport report) {
        Map<String, Integer> index = index();
        int n = symptoms.size();
        double[] x = new double[2 * n + 2];
        report.severities().forEach((name, severity) -> {
            Integer i = index.get(name);
            if (i != null) {
                x[i] = 1;
                x[n + i] = severity / 100.0;
            }
        });
        x[2 * n] = report.ageYears() / 100.0;
        x[2 * n + 1] = report.sex() == Sex.FEMALE ? 0 : 1;
        return x;
    }

    private Map<String, Integer> index() {
        Map<String, Integer> index = symptomIndex;
        if (index == null) {
            index = new HashMap<>();
            for (int i = 0; i < symptoms.size(); i++) {
                index.put(symptoms.get(i), i);
            }
            symptomIndex = index;
        }
        return index;
    }

    private static String setKey(SymptomReport report) {
        return String.join("|", report.severities().keySet());
    }
}
