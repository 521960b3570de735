package org.careledger.install;

/**
 * The install cannot start as configured. The message says what is wrong; {@link #action()} says
 * exactly what the operator must set. Spring Boot prints both through
 * {@link StartupConfigurationFailureAnalyzer} instead of a stack trace.
 */
public class StartupConfigurationException extends RuntimeException {

    private final String action;

    public StartupConfigurationException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
