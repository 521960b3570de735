package org.careledger.recommend.engine;

import java.util.*;

public class Scratch {
    public static void main(String[] a) {
        quiet();
        long t0 = System.nanoTime();
        TrainingData d = BundledData.synthea();
        System.out.printf("load %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        PatientSplit outer = PatientSplit.of(d.patientKeys());
        TrainingData train = d.of(outer.train(), "train");
        PatientSplit inner = PatientSplit.of(train.patientKeys());
        TrainingData it = train.of(inner.train(), "i"), iv = train.of(inner.test(), "v");
        for (Learner[] ls : new Learner[][] {{Learner.randomForest(50, 20), Learner.logisticRegression(0.1, 200)},{Learner.randomForest(50, 20), Learner.naiveBayes()},{Learner.randomForest(50, 20), Learner.logisticRegression(0.01, 300)}}) { Learner l = ls[0];
            long t = System.nanoTime();
            DiseaseModel m = DiseaseModel.fit(it.symptomCases(), l, ls[1]);
            double fit = (System.nanoTime() - t) / 1e6;
            int h1 = 0, h3 = 0;
            for (SymptomCase c : iv.symptomCases()) {
                List<Scored> s = m.score(c.report());
                if (s.get(0).label().equals(c.pathology())) h1++;
                for (int k = 0; k < 3; k++) if (s.get(k).label().equals(c.pathology())) { h3++; break; }
            }
            System.out.printf("%s fit %.0f ms top1 %.3f top3 %.3f n=%d%n", m.learner, fit, h1 / (double) iv.symptomCases().size(), h3 / (double) iv.symptomCases().size(), iv.symptomCases().size());
        }
    }
    static void quiet() {
        try {
            Object l = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            l.getClass().getMethod("setLevel", level).invoke(l, level.getField("WARN").get(null));
        } catch (ReflectiveOperationException e) {
        }
    }
}
