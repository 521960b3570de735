package org.careledger.contracts;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of medical record a consent covers. In call arguments and in the state a set of
 * categories is a u64 bit set: bit {@code 1 << ordinal()} stands for each category, so the order of
 * the constants is part of the chain format and new categories may only be appended.
 */
public enum RecordCategory {
    DIAGNOSIS,
    CLINICAL_NOTE,
    VITAL_SIGNS,
    LAB_RESULT,
    ALLERGY,
    MEDICATION,
    ATTACHMENT,
    /** Symptoms a patient reports, each with its severity (0–100), for the doctor and for decision support. */
    SYMPTOM_REPORT;

    /** Every bit that stands for a category. */
    public static final long ALL_BITS = (1L << values().length) - 1;

    public long bit() {
        return 1L << ordinal();
    }

    /** The bit set of {@code categories}. */
    public static long toBits(Collection<RecordCategory> categories) {
        long bits = 0;
        for (RecordCategory c : categories) {
            bits |= c.bit();
        }
        return bits;
    }

    /** The categories of a bit set; bits that stand for no category are refused. */
    public static Set<RecordCategory> fromBits(long bits) {
        if ((bits & ~ALL_BITS) != 0) {
            throw new IllegalArgumentException("Unknown category bits in " + Long.toHexString(bits));
        }
        EnumSet<RecordCategory> out = EnumSet.noneOf(RecordCategory.class);
        for (RecordCategory c : values()) {
            if ((bits & c.bit()) != 0) {
                out.add(c);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The category with this ordinal, as stored on chain. */
    static RecordCategory ofOrdinal(int ordinal) {
        if (ordinal < 0 || ordinal >= values().length) {
            throw new IllegalArgumentException("No category number " + ordinal);
        }
        return values()[ordinal];
    }
}
