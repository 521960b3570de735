package org.careledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the CareLedger portal. Later, {@code ledger ...} command-line verbs are dispatched here
 * before Spring starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareLedgerApplication {

    public static void main(String[] args) {
        if (org.careledger.cli.LedgerCli.isLedgerCommand(args)) {
            org.careledger.cli.LedgerCli.main(args);
            return;
        }
        SpringApplication.run(CareLedgerApplication.class, args);
    }
}
