package org.careledger.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One model, trained once on the training patients of the bundled data; the test patients are held out. */
class RecommenderTest {

    static TrainingData test;
    static Recommender model;
    static List<Double> progress = new ArrayList<>();

    @BeforeAll
    static void train() {
        RecommendCli.quietSmile();
        TrainingData all = Training.bundled();
        PatientSplit split = PatientSplit.of(all.patientKeys());
        test = all.of(split.test(), "test");
        model = Training.train(all.of(split.train(), "train"), progress::add,
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void trainingReportsProgressFromZeroToOneAndFillsTheCard() {
        assertThat(progress).first().isEqualTo(0.0);
        assertThat(progress).last().isEqualTo(1.0);
        assertThat(progress).isSorted();
        ModelCard card = model.card();
        assertThat(card.version()).startsWith("20261207T100000Z-");
        assertThat(card.trainingData()).contains("Synthea (MITRE)");
        assertThat(card.diseaseTop1()).isBetween(0.5, 1.0);
        assertThat(card.medicineTop1()).isBetween(0.5, 1.0);
    }

    @Test
    void aHigherConfidenceMeansAHigherHitRateOnHeldOutPatients() {
        List<double[]> pairs = new ArrayList<>(); // {confidence, hit}
        for (MedicineEpisode e : test.episodes()) {
            for (RankedMedicine m : model.rankMedicines(e.query(), 3, rx -> true)) {
                pairs.add(new double[] {m.confidence(), m.rxnorm().equals(e.rxnorm()) ? 1 : 0});
            }
        }
        for (SymptomCase c : test.symptomCases()) {
            for (RankedCondition r : model.rankConditions(c.report(), 3)) {
                pairs.add(new double[] {r.confidence(), r.condition().equals(c.pathology()) ? 1 : 0});
            }
        }
        pairs.sort((a, b) -> Double.compare(a[0], b[0]));
        int third = pairs.size() / 3;
        double low = hitRate(pairs.subList(0, third));
        double middle = hitRate(pairs.subList(third, 2 * third));
        double high = hitRate(pairs.subList(2 * third, pairs.size()));
        assertThat(low).isLessThan(middle);
        assertThat(middle).isLessThan(high);
        // and roughly calibrated: the top third's mean confidence is near its hit rate
        double meanHigh = pairs.subList(2 * third, pairs.size()).stream().mapToDouble(p -> p[0]).average().orElseThrow();
        assertThat(Math.abs(meanHigh - high)).isLessThan(0.1);
    }

    private static double hitRate(List<double[]> pairs) {
        return pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    }

    @Test
    void aDisallowedMedicineIsNeverSuggestedAndTheOthersStillFillTheList() {
        String hypertension = "59621000";
        MedicineQuery query = new MedicineQuery(hypertension, 58, Sex.MALE, Set.of(), Set.of());
        List<RankedMedicine> all = model.rankMedicines(query, 3, rx -> true);
        assertThat(all).hasSize(3);
        String best = all.get(0).rxnorm();

        List<RankedMedicine> withoutBest = model.rankMedicines(query, 3, rx -> !rx.equals(best));

        assertThat(withoutBest).extracting(RankedMedicine::rxnorm).doesNotContain(best);
        assertThat(withoutBest).hasSize(Math.min(3, countMedicinesFor(hypertension) - 1));
        assertThat(withoutBest.get(0).evidence()).matches("prescribed in \\d+ % of [\\d,]+ similar episodes: same condition.*");
    }

    @Test
    void everyConditionsSuggestionsRespectTheFilter() {
        for (String condition : model.treatableConditions()) {
            MedicineQuery query = new MedicineQuery(condition, 40, Sex.FEMALE, Set.of(), Set.of());
            List<RankedMedicine> all = model.rankMedicines(query, 3, rx -> true);
            String banned = all.get(0).rxnorm();
            List<RankedMedicine> filtered = model.rankMedicines(query, 3, rx -> !rx.equals(banned));
            assertThat(filtered).extracting(RankedMedicine::rxnorm).doesNotContain(banned);
            assertThat(filtered.size()).isEqualTo(Math.min(3, countMedicinesFor(condition) - 1));
        }
    }

    private static int countMedicinesFor(String condition) {
        return model.rankMedicines(new MedicineQuery(condition, 40, Sex.FEMALE, Set.of(), Set.of()), 1000, rx -> true).size();
    }

    @Test
    void anUnknownConditionGetsNoSuggestion() {
        assertThat(model.rankMedicines(new MedicineQuery("000000", 40, Sex.FEMALE, Set.of(), Set.of()), 3, rx -> true)).isEmpty();
    }

    @Test
    void conditionsAreRankedWithEvidenceInWords() {
        SymptomReport report = new SymptomReport(30, Sex.FEMALE, Map.of("Sinus Pain", 65, "Pain with Bright Lights", 35,
                "Headache", 20, "Cough", 20, "Facial Swelling", 20, "Fever", 10, "Nasal Congestion", 10, "Nasal Discharge", 20,
                "Sore Throat", 20));
        List<RankedCondition> ranked = model.rankConditions(report, 3);
        assertThat(ranked).hasSize(3);
        assertThat(ranked.get(0).condition()).contains("sinusitis");
        assertThat(ranked.get(0).evidence()).matches("seen in \\d+ % of [\\d,]+ reports with these symptoms");
        assertThat(ranked.get(0).confidence()).isGreaterThanOrEqualTo(ranked.get(2).confidence());
        assertThat(model.symptomNames()).contains("Sinus Pain").isSorted();
        assertThat(model.rankConditions(new SymptomReport(30, Sex.MALE, Map.of("Nothing known", 40)), 3)).isEmpty();
    }

    @Test
    void aSavedModelLoadsBackWithTheSameRankings(@TempDir Path dir) throws IOException {
        model.save(dir);
        Recommender loaded = Recommender.load(dir);

        assertThat(loaded.card()).isEqualTo(model.card());
        for (MedicineEpisode e : test.episodes().subList(0, 200)) {
            assertThat(loaded.rankMedicines(e.query(), 3, rx -> true)).isEqualTo(model.rankMedicines(e.query(), 3, rx -> true));
        }
        for (SymptomCase c : test.symptomCases().subList(0, 200)) {
            assertThat(loaded.rankConditions(c.report(), 3)).isEqualTo(model.rankConditions(c.report(), 3));
        }
        assertThat(Files.readString(dir.resolve("recommender-" + model.card().version() + ".properties")))
                .contains("diseaseModel=" + model.card().diseaseModel());
    }

    @Test
    void aCorruptedModelFileIsRefused(@TempDir Path dir) throws IOException {
        model.save(dir);
        Path file = dir.resolve("recommender-" + model.card().version() + ".bin");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);

        assertThatThrownBy(() -> Recommender.load(dir)).isInstanceOf(ModelFileException.class).hasMessageContaining("corrupt");
    }

    @Test
    void aFileOfAnotherFormatOrAMissingModelIsRefused(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Recommender.load(dir)).isInstanceOf(ModelFileException.class);
        model.save(dir);
        Files.writeString(dir.resolve("recommender-" + model.card().version() + ".bin"), "not a model");
        assertThatThrownBy(() -> Recommender.load(dir)).isInstanceOf(ModelFileException.class).hasMessageContaining("not a CareLedger");
    }

    @Test
    void aModelFileHoldingAForeignClassIsRefusedBeforeItIsBuilt(@TempDir Path dir) throws IOException {
        model.save(dir);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(new java.util.zip.GZIPOutputStream(body))) {
            out.writeObject(new java.util.Date()); // not on the allow-list
        }
        byte[] payload = body.toByteArray();
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.write("CLREC1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        file.write(ModelFiles.sha256(payload));
        file.write(payload);
        Files.write(dir.resolve("recommender-" + model.card().version() + ".bin"), file.toByteArray());

        assertThatThrownBy(() -> Recommender.load(dir)).isInstanceOf(ModelFileException.class).hasMessageContaining("not allowed");
    }

    @Test
    void theModelBuiltIntoTheJarLoadsFromTheClassPath() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Recommender.class.getResource(ModelFiles.SHIPPED + "CURRENT") != null,
                "built with -Drecommend.model.skip=true");
        Recommender shipped = Recommender.loadShipped();
        assertThat(shipped.card().trainingData()).contains("Synthea (MITRE)");
        assertThat(shipped.treatableConditions()).contains("59621000");
    }

    @Test
    void extraEpisodesAreAddedToTheTrainingData() {
        TrainingData data = Training.bundled();
        MedicineEpisode extra = new MedicineEpisode("hospital-1", java.time.LocalDate.of(2026, 1, 2), 50, Sex.FEMALE,
                "59621000", "314076", Set.of(), Set.of());
        TrainingData more = data.plus(List.of(extra), "opted-in ledger episodes");
        assertThat(more.episodes()).hasSize(data.episodes().size() + 1).contains(extra);
        assertThat(more.description()).contains("opted-in ledger episodes (1 episodes)");
    }
}
