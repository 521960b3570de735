package org.careledger.pharmacy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a prescription's QR code: {@code careledger:rx:<id>?s=<secret, 64 hex>&v=1}. The
 * secret is one-time: each fill replaces it, so a QR code once used, copied or only guessed at (an
 * id without its current secret) opens nothing.
 */
public record PrescriptionQr(String prescriptionId, String secret) {

    public static final String SCHEME = "careledger:rx:";
    private static final Pattern PAYLOAD = Pattern.compile(Pattern.quote(SCHEME)
            + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\?s=([0-9a-f]{64})&v=1");
    private static final Pattern ID_ONLY = Pattern.compile(Pattern.quote(SCHEME) + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}).*");

    public String payload() {
        return SCHEME + prescriptionId + "?s=" + secret + "&v=1";
    }

    /** The code in {@code text}, if it is a whole prescription code (with its secret). */
    public static Optional<PrescriptionQr> parse(String text) {
        Matcher m = PAYLOAD.matcher(text == null ? "" : text.strip());
        return m.matches() ? Optional.of(new PrescriptionQr(m.group(1), m.group(2))) : Optional.empty();
    }

    /** Whether {@code text} names a prescription at all (perhaps without its secret). */
    static boolean namesPrescription(String text) {
        return text != null && ID_ONLY.matcher(text.strip()).matches();
    }
}
