package org.careledger.recommend.engine;

/** A patient's sex as the training data records it. */
public enum Sex {
    FEMALE, MALE;

    /** Reads the data sets' codes ({@code F}/{@code M}, any case, or the full word). */
    public static Sex parse(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        if (c.equals("F") || c.equals("FEMALE")) {
            return FEMALE;
        }
        if (c.equals("M") || c.equals("MALE")) {
            return MALE;
        }
        throw new IllegalArgumentException("not a sex code: " + code);
    }

    String code() {
        return this == FEMALE ? "F" : "M";
    }
}
