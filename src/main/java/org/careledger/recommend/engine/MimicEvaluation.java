package org.careledger.recommend.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real-data check: within the MIMIC-III demo, an admission's primary ICD-9 diagnosis to the MAIN
 * drugs given, split by subject like Synthea. With about a hundred training admissions over
 * hundreds of codes, the model is frequency with back-off (same code, then the same three-digit ICD-9
 * category, then all admissions); precision@k, since an admission has many drugs.
 */
final class MimicEvaluation {

    private MimicEvaluation() {
    }

    static List<String> evaluate() {
        return evaluate(BundledData.mimic());
    }

    static List<String> evaluate(List<BundledData.Admission> admissions) {
        PatientSplit split = PatientSplit.of(admissions.stream().map(BundledData.Admission::subject).toList());
        List<BundledData.Admission> train = admissions.stream().filter(a -> split.train().contains(a.subject())).toList();
        List<BundledData.Admission> test = admissions.stream().filter(a -> split.test().contains(a.subject())).toList();
        Map<String, Map<String, Integer>> byCode = counts(train, BundledData.Admission::icd9);
        Map<String, Map<String, Integer>> byCategory = counts(train, a -> category(a.icd9()));
        Map<String, Integer> overall = new TreeMap<>();
        train.forEach(a -> a.drugs().forEach(d -> overall.merge(d, 1, Integer::sum)));
        List<String> byFrequency = Evaluation.ranked(overall);
        List<Metrics.Case> backoff = new ArrayList<>();
        List<Metrics.Case> perCode = new ArrayList<>();
        List<Metrics.Case> frequent = new ArrayList<>();
        for (BundledData.Admission a : test) {
            Map<String, Integer> same = byCode.get(a.icd9());
            Map<String, Integer> near = byCategory.get(category(a.icd9()));
            List<String> exact = same == null ? List.of() : Evaluation.ranked(same);
            List<String> ranked = Evaluation.backedOff(Evaluation.backedOff(exact, near == null ? List.of() : Evaluation.ranked(near)), byFrequency);
            backoff.add(new Metrics.Case(a.subject(), ranked, a.drugs(), same != null || near != null));
            perCode.add(new Metrics.Case(a.subject(), Evaluation.backedOff(exact, byFrequency), a.drugs(), same != null));
            frequent.add(new Metrics.Case(a.subject(), byFrequency, a.drugs(), true));
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# mimic: %d subjects, %d train / %d test; %d admissions with a primary diagnosis and MAIN drugs; top1/top3 are precision@1/@3",
                split.train().size() + split.test().size(), split.train().size(), split.test().size(), admissions.size()));
        lines.add(Evaluation.line("mimic", "medicine", "icd9-backoff", backoff));
        lines.add(Evaluation.line("mimic", "medicine", "per-condition", perCode));
        lines.add(Evaluation.line("mimic", "medicine", "most-frequent", frequent));
        lines.add(Evaluation.paired("mimic", "medicine", "icd9-backoff", "per-condition", backoff, perCode));
        return lines;
    }

    private static Map<String, Map<String, Integer>> counts(List<BundledData.Admission> admissions,
                                                            java.util.function.Function<BundledData.Admission, String> key) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (BundledData.Admission a : admissions) {
            Map<String, Integer> c = counts.computeIfAbsent(key.apply(a), k -> new TreeMap<>());
            a.drugs().forEach(d -> c.merge(d, 1, Integer::sum));
        }
        return counts;
    }

    /** ICD-9's three-digit category (E and V codes keep their letter: E codes four characters). */
    static String category(String icd9) {
        int length = icd9.startsWith("E") ? 4 : 3;
        return icd9.length() <= length ? icd9 : icd9.substring(0, length);
    }
}
