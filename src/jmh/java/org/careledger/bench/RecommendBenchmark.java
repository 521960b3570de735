package org.careledger.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.careledger.recommend.engine.MedicineEpisode;
import org.careledger.recommend.engine.MedicineQuery;
import org.careledger.recommend.engine.RankedCondition;
import org.careledger.recommend.engine.RankedMedicine;
import org.careledger.recommend.engine.Recommender;
import org.careledger.recommend.engine.SymptomCase;
import org.careledger.recommend.engine.SymptomReport;
import org.careledger.recommend.engine.Training;
import org.careledger.recommend.engine.TrainingData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decision support's prediction latency (issue 16: p99 ≤ 5 ms), sampled per call: the top 3 medicines
 * ({@code rankMedicines}, with evidence and calibrated confidence) and the top 3 conditions
 * ({@code rankConditions}), beside a per-condition frequency look-up (a map from condition to its three
 * most given medicines), the cheapest thing that could answer, in the same run. The queries are 512
 * real episodes and reports of the bundled data, taken in turn. The model is trained once in the setup.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class RecommendBenchmark {

    Recommender model;
    List<MedicineQuery> queries;
    List<SymptomReport> reports;
    Map<String, List<String>> topByCondition;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        org.careledger.recommend.engine.RecommendCli.quietSmile();
        TrainingData data = Training.bundled();
        model = Training.train(data, p -> { });
        queries = new ArrayList<>();
        for (MedicineEpisode e : data.episodes().subList(0, 512)) {
            queries.add(new MedicineQuery(e.conditionCode(), e.ageYears(), e.sex(), e.activeConditions(), e.medicationHistory()));
        }
        reports = data.symptomCases().subList(0, 512).stream().map(SymptomCase::report).toList();
        Map<String, Map<String, Long>> counts = data.episodes().stream().collect(Collectors.groupingBy(
                MedicineEpisode::conditionCode, Collectors.groupingBy(MedicineEpisode::rxnorm, Collectors.counting())));
        topByCondition = new HashMap<>();
        counts.forEach((condition, byMedicine) -> topByCondition.put(condition, byMedicine.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(3).map(Map.Entry::getKey).toList()));
    }

    @Benchmark
    public List<RankedMedicine> rankMedicines() {
        return model.rankMedicines(queries.get(next++ & 511), 3, rx -> !rx.equals("308136"));
    }

    @Benchmark
    public List<RankedCondition> rankConditions() {
        return model.rankConditions(reports.get(next++ & 511), 3);
    }

    @Benchmark
    public List<String> frequencyLookup() {
        return topByCondition.get(queries.get(next++ & 511).conditionCode());
    }
}
