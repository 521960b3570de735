package org.careledger.pharmacy.internal;

import java.util.Locale;

/**
 * Finds a name in free text the way a reader would: case-insensitive, whole words only, any run of
 * characters other than letters and digits read as one space. So "Allergy to penicillin" mentions
 * "penicillin" and "Penicillin V" mentions "penicillin V", but "sulfamethoxazole" does not mention
 * "sulfa", and "non-steroidal" mentions "non steroidal".
 */
final class Words {

    private Words() {
    }

    static boolean mention(String text, String name) {
        String words = words(name);
        return !words.isBlank() && words(text).contains(words);
    }

    /** Whether both read as the same words. */
    static boolean same(String a, String b) {
        return words(a).equals(words(b));
    }

    private static String words(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
    }
}
