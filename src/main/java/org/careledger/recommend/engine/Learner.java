package org.careledger.recommend.engine;

import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.LongStream;

import smile.base.cart.SplitRule;
import smile.classification.DiscreteNaiveBayes;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.util.SparseArray;

/**
 * A Smile classifier family with fixed settings, as a candidate of the model choice: it fits class
 * indices {@code 0..classes-1} from dense feature rows and scores a row as class probabilities. Every
 * candidate here runs in pure Java (no BLAS natives). Seeds are fixed, so a fit is reproducible.
 */
interface Learner {

    String name();

    Scorer fit(double[][] x, int[] y, int classes);

    /** A fitted classifier: class probabilities for a feature row, summing to 1. */
    interface Scorer extends Serializable {
        double[] posteriors(double[] x);
    }

    static Learner randomForest(int trees, int maxDepth) {
        return randomForest(trees, maxDepth, 1);
    }

    /** @param nodeSize the fewest rows a leaf holds (1: grown until pure) */
    static Learner randomForest(int trees, int maxDepth, int nodeSize) {
        return new Learner() {
            public String name() {
                return "random-forest" + (maxDepth == 20 ? "" : "-depth" + maxDepth) + (nodeSize == 1 ? "" : "-leaf" + nodeSize);
            }

            public Scorer fit(double[][] x, int[] y, int classes) {
                if (classes < 2) {
                    return constant(classes);
                }
                DataFrame data = frame(x).merge(IntVector.of("y", y));
                int mtry = Math.max(1, (int) Math.floor(Math.sqrt(x[0].length)));
                RandomForest forest = null;
                // Smile 3.1.1 scores each tree on its out-of-bag rows and throws when those rows hold exactly two
                // of three or more classes ("Sensitivity can only be applied to binary classification"); other
                // seeds usually avoid it, and a task where none does is left to frequency.
                for (int attempt = 0; forest == null && attempt < 5; attempt++) {
                    long base = 42 + 1000L * attempt;
                    try {
                        forest = RandomForest.fit(Formula.lhs("y"), data, trees, mtry, SplitRule.GINI, maxDepth,
                                Math.max(2, x.length), nodeSize, 1.0, null, LongStream.range(0, trees).map(i -> base + i));
                    } catch (IllegalArgumentException e) {
                        if (!String.valueOf(e.getMessage()).contains("binary classification")) {
                            throw e;
                        }
                    }
                }
                if (forest == null) {
                    return frequency(y, classes);
                }
                return new SmileScorer(forest, frame(x).schema(), classes);
            }
        };
    }

    /**
     * {@code a}'s probabilities mixed with {@code b}'s: {@code (1 - weightOfB) * a + weightOfB * b}. A
     * forest is sharp at the top and flat in its tail; a smoother second model orders the tail.
     */
    static Learner blend(Learner a, Learner b, double weightOfB) {
        return new Learner() {
            public String name() {
                return String.format(java.util.Locale.ROOT, "%s+%.2f-%s", a.name(), weightOfB, b.name());
            }

            public Scorer fit(double[][] x, int[] y, int classes) {
                return new BlendScorer(a.fit(x, y, classes), b.fit(x, y, classes), weightOfB);
            }
        };
    }

    record BlendScorer(Scorer a, Scorer b, double weightOfB) implements Scorer {
        public double[] posteriors(double[] x) {
            double[] p = a.posteriors(x);
            double[] q = b.posteriors(x);
            for (int i = 0; i < p.length; i++) {
                p[i] = (1 - weightOfB) * p[i] + weightOfB * q[i];
            }
            return p;
        }
    }

    static Learner gradientBoosting(int trees) {
        return new Learner() {
            public String name() {
                return "gradient-boosting";
            }

            public Scorer fit(double[][] x, int[] y, int classes) {
                if (classes < 2) {
                    return constant(classes);
                }
                DataFrame data = frame(x).merge(IntVector.of("y", y));
                GradientTreeBoost boost = GradientTreeBoost.fit(Formula.lhs("y"), data, trees, 6, 20, 5, 0.1, 0.8);
                return new SmileScorer(boost, frame(x).schema(), classes);
            }
        };
    }

    static Learner logisticRegression(double lambda, int maxIterations) {
        return new Learner() {
            public String name() {
                return "logistic-regression";
            }

            public Scorer fit(double[][] x, int[] y, int classes) {
                if (classes < 2) {
                    return constant(classes);
                }
                return new LogisticScorer(LogisticRegression.fit(x, y, lambda, 1e-5, maxIterations), classes);
            }
        };
    }

    /**
     * Naive Bayes over binned features: each feature, scaled to 0..1, falls into one of 21 bins of width
     * 0.05, and each (feature, bin) is a word of Smile's multinomial model; with exactly one word per
     * feature a row, that is a categorical naive Bayes with add-one smoothing.
     */
    static Learner naiveBayes() {
        return new Learner() {
            public String name() {
                return "naive-bayes";
            }

            public Scorer fit(double[][] x, int[] y, int classes) {
                if (classes < 2) {
                    return constant(classes);
                }
                int features = x[0].length;
                DiscreteNaiveBayes bayes = new DiscreteNaiveBayes(DiscreteNaiveBayes.Model.MULTINOMIAL, classes, features * BayesScorer.BINS);
                SparseArray[] words = new SparseArray[x.length];
                for (int i = 0; i < x.length; i++) {
                    words[i] = BayesScorer.words(x[i]);
                }
                bayes.update(words, y);
                return new BayesScorer(bayes, classes);
            }
        };
    }

    record BayesScorer(DiscreteNaiveBayes model, int classes) implements Scorer {
        static final int BINS = 21;

        static SparseArray words(double[] row) {
            SparseArray words = new SparseArray(row.length);
            for (int j = 0; j < row.length; j++) {
                int bin = (int) Math.floor(Math.max(0, Math.min(1, row[j])) * (BINS - 1) + 1e-9);
                words.set(j * BINS + bin, 1);
            }
            return words;
        }

        public double[] posteriors(double[] x) {
            double[] p = new double[classes];
            model.predict(words(x), p);
            return p;
        }
    }

    private static Scorer constant(int classes) {
        return new ConstantScorer(classes);
    }

    private static Scorer frequency(int[] y, int classes) {
        double[] p = new double[classes];
        for (int label : y) {
            p[label] += 1.0 / y.length;
        }
        return new FrequencyScorer(p);
    }

    record FrequencyScorer(double[] p) implements Scorer {
        public double[] posteriors(double[] x) {
            return p.clone();
        }
    }

    /** For a task with one class (or none) seen in training. */
    record ConstantScorer(int classes) implements Scorer {
        public double[] posteriors(double[] x) {
            double[] p = new double[classes];
            Arrays.fill(p, 1.0 / Math.max(1, classes));
            return p;
        }
    }

    record LogisticScorer(LogisticRegression model, int classes) implements Scorer {
        public double[] posteriors(double[] x) {
            double[] p = new double[classes];
            model.predict(x, p);
            return p;
        }
    }

    private static DataFrame frame(double[][] x) {
        String[] names = new String[x[0].length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + i;
        }
        return DataFrame.of(x, names);
    }

    /** A Smile data-frame classifier scored on a row of the predictors' schema. */
    record SmileScorer(smile.classification.DataFrameClassifier model, StructType schema, int classes) implements Scorer {
        public double[] posteriors(double[] x) {
            double[] p = new double[classes];
            model.predict(Tuple.of(x, schema), p);
            return p;
        }
    }
}
