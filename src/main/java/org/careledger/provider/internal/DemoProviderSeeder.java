package org.careledger.provider.internal;

import java.time.Clock;
import java.time.Instant;

import org.careledger.provider.ProviderKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo consortium: two hospitals and one pharmacy, each of which will run a ledger node. */
@Component
@Profile("demo")
@Order(20)
class DemoProviderSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProviderSeeder.class);

    private final ProviderRepository repository;
    private final Clock clock;

    DemoProviderSeeder(ProviderRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        Instant now = Instant.now(clock);
        repository.save(new ProviderEntity("St. Mary's General Hospital", ProviderKind.HOSPITAL, "1 Hospital Lane, Cambridge CB2 0QQ", now));
        repository.save(new ProviderEntity("Riverside Children's Hospital", ProviderKind.HOSPITAL, "80 Riverside Walk, Bristol BS1 6AA", now));
        repository.save(new ProviderEntity("Northgate Community Pharmacy", ProviderKind.PHARMACY, "22 Northgate Street, Cambridge CB1 1AB", now));
        log.info("Demo install: seeded two hospitals and a pharmacy");
    }
}
