package org.careledger.ui;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected failure gets an incident code: logged with its full cause for the administrator,
 * shown to the person as the code alone, so they can quote it and nothing of the stack reaches a page.
 */
final class Incidents {

    private static final Logger LOG = LoggerFactory.getLogger(Incidents.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {
    }

    /** Logs {@code failure} under a new code and returns the code, like {@code CL-3F9A-01C2}. */
    static String record(String where, Throwable failure) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String hex = HexFormat.of().withUpperCase().formatHex(bytes);
        String code = "CL-" + hex.substring(0, 4) + "-" + hex.substring(4);
        LOG.error("Incident {} ({}): {}", code, where, failure.toString(), failure);
        return code;
    }

    static String sentence(String code) {
        return "Something went wrong on our side. Nothing you entered was lost. If it happens again, "
                + "tell your administrator the incident code " + code + ".";
    }
}
