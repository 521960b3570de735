package org.careledger;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the CareLedger portal, or runs a command line before (and without) Spring: {@code ledger ...}
 * (the ledger's tools), {@code recommend ...} (decision support's evaluation and training),
 * {@code fhir validate FILE} (a FHIR R4 Bundle against the base specification), {@code db encrypt} (the database at rest) and {@code admin unlock} (sign-in throttling); or
 * {@code analytics rebuild}, which starts the application (its web server on a free loopback port,
 * unused) to re-derive the analytics read model, and stops.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareLedgerApplication {

    public static void main(String[] args) {
        if (org.careledger.cli.LedgerCli.isLedgerCommand(args)) {
            org.careledger.cli.LedgerCli.main(args);
            return;
        }
        if (org.careledger.recommend.RecommendCommand.isRecommendCommand(args)) {
            org.careledger.recommend.RecommendCommand.main(args);
            return;
        }
        if (org.careledger.fhir.FhirCommand.isFhirCommand(args)) {
            org.careledger.fhir.FhirCommand.main(args);
            return;
        }
        if (org.careledger.install.DatabaseCli.isDatabaseCommand(args)) {
            org.careledger.install.DatabaseCli.main(args);
            return;
        }
        if (org.careledger.identity.AdminCli.isAdminCommand(args)) {
            org.careledger.identity.AdminCli.main(args);
            return;
        }
        if (org.careledger.analytics.AnalyticsCommand.isAnalyticsCommand(args)) {
            Map<String, Object> properties;
            try {
                properties = org.careledger.analytics.AnalyticsCommand.properties(args);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
            SpringApplication command = new SpringApplication(CareLedgerApplication.class);
            command.setDefaultProperties(properties);
            int code;
            try (org.springframework.context.ConfigurableApplicationContext context = command.run()) {
                code = context.getBean(org.careledger.analytics.AnalyticsCommand.class).execute();
            }
            System.exit(code);
            return;
        }
        SpringApplication application = new SpringApplication(CareLedgerApplication.class);
        org.careledger.install.StartupTrace.attachIfAsked(application);
        application.run(args);
    }
}
