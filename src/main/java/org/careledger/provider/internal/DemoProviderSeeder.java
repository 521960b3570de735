package org.careledger.provider.internal;

import java.time.Clock;
import java.time.Instant;

import org.careledger.provider.ProviderCreated;
import org.careledger.provider.ProviderKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    DemoProviderSeeder(ProviderRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        Instant now = Instant.now(clock);
        seed(new ProviderEntity("St. Mary's General Hospital", ProviderKind.HOSPITAL, "1 Hospital Lane, Cambridge CB2 0QQ", now));
        seed(new ProviderEntity("Riverside Children's Hospital", ProviderKind.HOSPITAL, "80 Riverside Walk, Bristol BS1 6AA", now));
        seed(new ProviderEntity("Northgate Community Pharmacy", ProviderKind.PHARMACY, "22 Northgate Street, Cambridge CB1 1AB", now));
        log.info("Demo install: seeded two hospitals and a pharmacy");
    }

    /** Saved and announced as an admin's would be, so each gets its ledger account with it. */
    private void seed(ProviderEntity provider) {
        events.publishEvent(new ProviderCreated(repository.save(provider).view()));
    }
}
