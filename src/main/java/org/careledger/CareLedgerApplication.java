package org.careledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the CareLedger portal, or runs a command line before (and without) Spring: {@code ledger ...}
 * (the ledger's tools), {@code recommend ...} (decision support's evaluation and training),
 * {@code db encrypt} (the database at rest) and {@code admin unlock} (sign-in throttling).
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
        if (org.careledger.install.DatabaseCli.isDatabaseCommand(args)) {
            org.careledger.install.DatabaseCli.main(args);
            return;
        }
        if (org.careledger.identity.AdminCli.isAdminCommand(args)) {
            org.careledger.identity.AdminCli.main(args);
            return;
        }
        SpringApplication application = new SpringApplication(CareLedgerApplication.class);
        org.careledger.install.StartupTrace.attachIfAsked(application);
        application.run(args);
    }
}
