package org.careledger.recommend.engine;

import java.util.*;

public class Scratch {
    public static void main(String[] a) {
        RecommendCli.quietSmile();
        TrainingData d = BundledData.synthea();
        for (Learner l : List.of(Learner.logisticRegression(0.1, 200), Learner.randomForest(50, 20), Learner.gradientBoosting(100))) {
            long t = System.nanoTime();
            MedicineModel.fit(d.episodes(), l);
            System.out.printf("medicine %s %.0f ms%n", l.name(), (System.nanoTime() - t) / 1e6);
        }
        for (Learner l : List.of(Learner.randomForest(50, 20), Learner.randomForest(30, 20))) {
            long t = System.nanoTime();
            DiseaseModel.fit(d.symptomCases(), l, Learner.naiveBayes());
            System.out.printf("disease %s %.0f ms%n", l.name(), (System.nanoTime() - t) / 1e6);
        }
    }
}
