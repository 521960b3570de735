package org.careledger.identity;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.careledger.common.SingleLine;
import org.careledger.common.ProperName;

/**
 * The rules for each field a person types when registering, and for the reason an admin gives when
 * refusing a registration. Each method returns the value as it is stored (trimmed, normalised) or
 * throws {@link FieldRuleViolation} with the message shown next to the field. Pure functions, so
 * every rule is unit-tested without a browser. Every field is single-line ({@link SingleLine}: a
 * control character is refused, not trimmed away) except the postal address, which keeps its lines.
 */
public final class RegistrationRules {

    /** A pragmatic address check: one @, no spaces, a dot in the domain, no leading or trailing dot. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9/-]{4,20}");
    private static final Pattern CONTROL = Pattern.compile(".*[\\p{Cc}\\p{Cf}&&[^\\n]].*", Pattern.DOTALL);

    public static final int MAX_NAME = 100;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_ORGANISATION = 100;
    public static final int MAX_AGE_YEARS = 130;
    public static final int MAX_REJECTION_REASON = 500;

    private RegistrationRules() {
    }

    public static String fullName(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (name.isEmpty()) {
            throw new FieldRuleViolation("Enter your full name");
        }
        checkOneLine(raw);
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new FieldRuleViolation("A name has at most " + MAX_NAME + " characters");
        }
        if (!ProperName.holds(name)) {
            throw new FieldRuleViolation(ProperName.MESSAGE);
        }
        return name;
    }

    /** The address in lower case, the form it is stored, compared and signed in with. */
    public static String email(String raw) {
        String email = raw == null ? "" : raw.strip();
        if (email.isEmpty()) {
            throw new FieldRuleViolation("Enter your email address");
        }
        checkOneLine(raw);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new FieldRuleViolation("Enter a valid email address, such as name@example.org");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** E.164: a plus and 8 to 15 digits. Spaces and dashes the person typed are removed. */
    public static String mobile(String raw) {
        String mobile = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        if (mobile.isEmpty()) {
            throw new FieldRuleViolation("Enter your mobile number");
        }
        checkOneLine(raw);
        if (!E164.matcher(mobile).matches()) {
            throw new FieldRuleViolation("Enter the number in international form: + and 8 to 15 digits, such as +44 7700 900123");
        }
        return mobile;
    }

    public static LocalDate dateOfBirth(LocalDate date, Clock clock) {
        if (date == null) {
            throw new FieldRuleViolation("Enter your date of birth");
        }
        LocalDate today = LocalDate.now(clock);
        if (!date.isBefore(today)) {
            throw new FieldRuleViolation("A date of birth lies in the past");
        }
        if (date.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            throw new FieldRuleViolation("A date of birth is at most " + MAX_AGE_YEARS + " years ago");
        }
        return date;
    }

    /** Registration, licence and policy numbers: 4 to 20 letters, digits, '-' or '/'. */
    public static String referenceNumber(String raw, String what) {
        String number = raw == null ? "" : raw.strip();
        if (number.isEmpty()) {
            throw new FieldRuleViolation("Enter the " + what);
        }
        checkOneLine(raw);
        if (!REFERENCE.matcher(number).matches()) {
            throw new FieldRuleViolation("A " + what + " has 4 to 20 letters, digits, '-' or '/'");
        }
        return number.toUpperCase(Locale.ROOT);
    }

    /** The one multi-line field: its lines are kept, other control characters refused. */
    public static String postalAddress(String raw) {
        return text(raw, false, MAX_ADDRESS, "Enter your address", "An address has at most " + MAX_ADDRESS + " characters");
    }

    /** A health-insurance provider, on one line. */
    public static String organisation(String raw, String what) {
        return text(raw, true, MAX_ORGANISATION, "Enter the " + what, "The " + what + " has at most " + MAX_ORGANISATION + " characters");
    }

    /**
     * The reason an admin gives for refusing a registration, on one line: the applicant reads it in
     * the sentence the sign-in page shows them.
     */
    public static String rejectionReason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty() || reason.length() > MAX_REJECTION_REASON) {
            throw new FieldRuleViolation("Give the applicant a reason (1 to " + MAX_REJECTION_REASON + " characters)");
        }
        checkOneLine(raw);
        return reason;
    }

    /**
     * The password typed a second time, so that a typing slip does not lock its owner out: it must
     * be given and equal the first. Checked beside the password's own rules, so both messages show.
     */
    public static void repeatedPassword(String password, String repeated, String again, String differ) {
        if (repeated == null || repeated.isEmpty()) {
            throw new FieldRuleViolation(again);
        }
        if (!repeated.equals(password)) {
            throw new FieldRuleViolation(differ);
        }
    }

    /** The raw value, before any trimming, so that a line break at either end is refused too. */
    private static void checkOneLine(String raw) {
        if (!SingleLine.holds(raw)) {
            throw new FieldRuleViolation(SingleLine.MESSAGE);
        }
    }

    private static String text(String raw, boolean oneLine, int max, String missing, String tooLong) {
        String text = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            throw new FieldRuleViolation(missing);
        }
        if (oneLine) {
            checkOneLine(raw);
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new FieldRuleViolation(tooLong);
        }
        if (CONTROL.matcher(text).matches()) {
            throw new FieldRuleViolation("Remove the invisible control characters");
        }
        return text;
    }
}
