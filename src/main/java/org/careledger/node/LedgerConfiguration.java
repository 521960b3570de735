package org.careledger.node;

import java.time.Clock;

import org.careledger.install.InstallSettings;
import org.careledger.install.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires the plain-Java consortium into Spring. The nodes open their stores and replay them once the
 * portal is ready (after the web server is up and the demo data is seeded), on a thread of their own.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    /** The demo runs the dev consortium; any other install its own chain, made at its first start. */
    @Bean
    ConsortiumSetup consortiumSetup(InstallSettings install, LedgerSettings settings, MasterKey masterKey, Clock clock,
                                    @Value("${careledger.demo.enabled:false}") boolean demo) {
        return demo ? ConsortiumSetup.dev(install.dataDir(), settings)
                : ConsortiumSetup.own(install.dataDir(), masterKey, settings, clock);
    }

    @Bean(destroyMethod = "close")
    Consortium consortium(InstallSettings install, LedgerSettings settings, ConsortiumSetup setup) {
        return new Consortium(install.dataDir(), settings, setup);
    }

    @Bean
    LedgerService ledgerService(Consortium consortium, ApplicationEventPublisher events) {
        return new LedgerService(consortium, events);
    }

    @Bean
    ConsortiumControl consortiumControl(Consortium consortium, LedgerService ledger) {
        return new ConsortiumControl(consortium, ledger);
    }

    @Bean
    LedgerStarter ledgerStarter(Consortium consortium) {
        return new LedgerStarter(consortium);
    }

    static final class LedgerStarter {
        private final Consortium consortium;

        LedgerStarter(Consortium consortium) {
            this.consortium = consortium;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            consortium.startInBackground();
        }
    }
}
