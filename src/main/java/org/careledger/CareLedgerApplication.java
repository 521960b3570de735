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
        SpringApplication.run(CareLedgerApplication.class, args);
    }
}
