package org.careledger.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B's password rules: a minimum length, a generous maximum, no composition rules, and
 * a refusal of passwords found in a list of commonly used ones (Openwall's public-domain list plus
 * recent favourites, in {@code common-passwords.txt} beside this class).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * @param password the proposed password
     * @param identifiers the user's email or username, which the password must not equal
     * @throws FieldRuleViolation with the reason, if the password is refused
     */
    public static void check(String password, String... identifiers) {
        if (password == null || password.isEmpty()) {
            throw new FieldRuleViolation("Choose a password");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new FieldRuleViolation("A password has at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new FieldRuleViolation("A password has at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw new FieldRuleViolation("This password is too common and easily guessed; choose another");
        }
        for (String id : identifiers) {
            if (id != null && !id.isBlank() && lower.equals(id.strip().toLowerCase(Locale.ROOT))) {
                throw new FieldRuleViolation("A password must not be your email address or username");
            }
        }
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.startsWith("#!comment") && !line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
