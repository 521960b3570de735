package org.careledger.pharmacy.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a name in free text the way a reader would: case-insensitive, whole words only, any run of
 * characters other than letters and digits read as one space. So "Allergy to penicillin" mentions
 * "penicillin" and "Penicillin V" mentions "penicillin V", but "sulfamethoxazole" does not mention
 * "sulfa", and "non-steroidal" mentions "non steroidal".
 */
final class Words {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {
    }

    static boolean mention(String text, String name) {
        return contain(of(text), of(name));
    }

    /** Whether {@code words} (made by {@link #of}) holds {@code name} (made by {@link #of}) as whole words. */
    static boolean contain(String words, String name) {
        return !name.isBlank() && words.contains(name);
    }

    /** The text's words, lower case, one space apart and one space around: " allergy to penicillin ". */
    static String of(String text) {
        return " " + NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim() + " ";
    }
}
