package org.careledger.recommend.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The evaluation protocol of issue 16, and the table {@code recommend evaluate} prints. Split by
 * patient ({@link PatientSplit}: sorted keys, {@code Collections.shuffle(keys, new Random(42))}, first
 * 80 % train); the models are chosen on the inner split of the training patients (the {@code # inner}
 * lines), trained on all training patients and tested once on the test patients, beside baselines
 * fitted on the same training patients. Each table line reads
 * <pre>
 * DATASET TASK MODEL top1=V [LO,HI] top3=V [LO,HI] coverage=V n=CASES
 * </pre>
 * with 95 % bootstrap intervals over test patients ({@link Metrics}); MODEL {@code paired:A-vs-B}
 * gives A minus B on the same resamples; {@code subset:…} lines are the medicine episodes whose
 * condition had two or more medicines in training. For MIMIC (several drugs per admission) top1 and
 * top3 are precision@1 and precision@3. Coverage is the share of test cases the model knows (a known
 * symptom, a condition seen treated, a diagnosis seen). Lines starting with {@code #} are notes.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** The whole table: Synthea's two tasks on the bundled data, then medicines within the MIMIC-III demo. */
    public static List<String> evaluate() {
        List<String> lines = new ArrayList<>(evaluate("synthea", Training.bundled()));
        lines.addAll(MimicEvaluation.evaluate());
        return lines;
    }

    /** Both tasks on {@code data} (for instance the bundled data plus the hospital's opted-in episodes). */
    public static List<String> evaluate(String dataset, TrainingData data) {
        List<String> lines = new ArrayList<>();
        PatientSplit outer = PatientSplit.of(data.patientKeys());
        TrainingData train = data.of(outer.train(), "train");
        TrainingData test = data.of(outer.test(), "test");
        lines.add(String.format(Locale.ROOT, "# %s: %d patients, %d train / %d test; %d symptom reports, %d medicine episodes",
                dataset, outer.train().size() + outer.test().size(), outer.train().size(), outer.test().size(),
                data.symptomCases().size(), data.episodes().size()));
        Training.Choice choice = ModelChoice.choose(train, lines);
        long start = System.nanoTime();
        Recommender model = Training.train(train, choice, p -> { }, Clock.systemUTC());
        lines.add(String.format(Locale.ROOT, "# trained on the %d training patients in %d ms", outer.train().size(),
                (System.nanoTime() - start) / 1_000_000));
        disease(dataset, model, train, test, lines);
        medicine(dataset, model, train, test, lines);
        return lines;
    }

    private static void disease(String dataset, Recommender model, TrainingData train, TrainingData test, List<String> lines) {
        Map<String, Map<String, Integer>> bySet = new HashMap<>();
        Map<String, Integer> overall = new TreeMap<>();
        for (SymptomCase c : train.symptomCases()) {
            bySet.computeIfAbsent(String.join("|", c.report().severities().keySet()), k -> new TreeMap<>()).merge(c.pathology(), 1, Integer::sum);
            overall.merge(c.pathology(), 1, Integer::sum);
        }
        List<Metrics.Case> chosen = new ArrayList<>();
        List<Metrics.Case> symptomSet = new ArrayList<>();
        List<Metrics.Case> frequent = new ArrayList<>();
        List<String> byFrequency = ranked(overall);
        for (SymptomCase c : test.symptomCases()) {
            Set<String> truth = Set.of(c.pathology());
            List<String> ranked = model.rankConditions(c.report(), 3).stream().map(RankedCondition::condition).toList();
            chosen.add(new Metrics.Case(c.patientKey(), ranked, truth, !ranked.isEmpty()));
            Map<String, Integer> same = bySet.get(String.join("|", c.report().severities().keySet()));
            symptomSet.add(new Metrics.Case(c.patientKey(), same == null ? byFrequency : backedOff(ranked(same), byFrequency), truth, same != null));
            frequent.add(new Metrics.Case(c.patientKey(), byFrequency, truth, true));
        }
        String name = model.card().diseaseModel();
        lines.add(line(dataset, "disease", name, chosen));
        lines.add(line(dataset, "disease", "symptom-set", symptomSet));
        lines.add(line(dataset, "disease", "most-frequent", frequent));
        lines.add(paired(dataset, "disease", name, "symptom-set", chosen, symptomSet));
    }

    private static void medicine(String dataset, Recommender model, TrainingData train, TrainingData test, List<String> lines) {
        MedicineModel perCondition = MedicineModel.fit(train.episodes(), null);
        Map<String, Integer> overall = new TreeMap<>();
        Map<String, Set<String>> medicinesOf = new HashMap<>();
        for (MedicineEpisode e : train.episodes()) {
            overall.merge(e.rxnorm(), 1, Integer::sum);
            medicinesOf.computeIfAbsent(e.conditionCode(), k -> new java.util.TreeSet<>()).add(e.rxnorm());
        }
        List<String> byFrequency = ranked(overall);
        List<Metrics.Case> chosen = new ArrayList<>();
        List<Metrics.Case> baseline = new ArrayList<>();
        List<Metrics.Case> frequent = new ArrayList<>();
        List<Metrics.Case> subsetChosen = new ArrayList<>();
        List<Metrics.Case> subsetBaseline = new ArrayList<>();
        for (MedicineEpisode e : test.episodes()) {
            MedicineQuery q = e.query();
            Set<String> truth = Set.of(e.rxnorm());
            List<String> ranked = model.rankMedicines(q, 3, rx -> true).stream().map(RankedMedicine::rxnorm).toList();
            Metrics.Case mine = new Metrics.Case(e.patientKey(), ranked, truth, !ranked.isEmpty());
            Metrics.Case theirs = new Metrics.Case(e.patientKey(), perCondition.score(q).stream().map(Scored::label).toList(),
                    truth, perCondition.covers(q));
            chosen.add(mine);
            baseline.add(theirs);
            frequent.add(new Metrics.Case(e.patientKey(), byFrequency, truth, true));
            if (medicinesOf.getOrDefault(e.conditionCode(), Set.of()).size() >= 2) {
                subsetChosen.add(mine);
                subsetBaseline.add(theirs);
            }
        }
        String name = model.card().medicineModel();
        lines.add(line(dataset, "medicine", name, chosen));
        lines.add(line(dataset, "medicine", "per-condition", baseline));
        lines.add(line(dataset, "medicine", "most-frequent", frequent));
        lines.add(paired(dataset, "medicine", name, "per-condition", chosen, baseline));
        lines.add(line(dataset, "medicine", "subset:" + name, subsetChosen));
        lines.add(line(dataset, "medicine", "subset:per-condition", subsetBaseline));
        lines.add(paired(dataset, "medicine", "subset:" + name, "per-condition", subsetChosen, subsetBaseline));
    }

    static String line(String dataset, String task, String model, List<Metrics.Case> cases) {
        return String.format(Locale.ROOT, "%s %s %s top1=%s top3=%s coverage=%.3f n=%d", dataset, task, model,
                Metrics.topK(cases, 1).format(), Metrics.topK(cases, 3).format(), Metrics.coverage(cases).value(), cases.size());
    }

    static String paired(String dataset, String task, String model, String baseline, List<Metrics.Case> mine, List<Metrics.Case> theirs) {
        return String.format(Locale.ROOT, "%s %s paired:%s-vs-%s top1=%s top3=%s n=%d", dataset, task, model, baseline,
                signed(Metrics.paired(mine, theirs, 1)), signed(Metrics.paired(mine, theirs, 3)), mine.size());
    }

    private static String signed(Metrics.Interval i) {
        return String.format(Locale.ROOT, "%+.3f [%+.3f,%+.3f]", i.value(), i.lo(), i.hi());
    }

    /** Labels by count, most first, ties by label. */
    static List<String> ranked(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** {@code first}, then the rest of {@code then} not already in it. */
    static List<String> backedOff(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        then.stream().filter(s -> !first.contains(s)).forEach(all::add);
        return all;
    }
}
