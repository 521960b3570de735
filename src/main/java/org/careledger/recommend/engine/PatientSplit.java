package org.careledger.recommend.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evaluation's split by patient, fixed so anyone can reproduce it: the distinct patient keys
 * sorted as strings, {@code Collections.shuffle(keys, new Random(seed))}, the first
 * {@code floor(0.8 * n)} train and the rest test. The inner split (model choice and calibration) is
 * the same rule applied to the training patients only.
 */
public record PatientSplit(Set<String> train, Set<String> test) {

    public static final long SEED = 42;

    public PatientSplit {
        train = Collections.unmodifiableSet(new TreeSet<>(train));
        test = Collections.unmodifiableSet(new TreeSet<>(test));
    }

    public static PatientSplit of(Collection<String> patientKeys) {
        return of(patientKeys, SEED);
    }

    static PatientSplit of(Collection<String> patientKeys, long seed) {
        List<String> keys = new ArrayList<>(new TreeSet<>(patientKeys));
        Collections.shuffle(keys, new Random(seed));
        int cut = (int) Math.floor(0.8 * keys.size());
        return new PatientSplit(Set.copyOf(keys.subList(0, cut)), Set.copyOf(keys.subList(cut, keys.size())));
    }
}
