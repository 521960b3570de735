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

    /**
     * The demo runs the dev consortium; any other install its own chain, made at its first start.
     * Lazy: made at the consortium's first use, which {@link LedgerStarter} forces once the web server
     * listens (a dev chain's keys take a mnemonic's key stretching and a dozen key derivations, a few
     * hundred milliseconds that no longer delay the login page), so a refusal still stops the start.
     */
    @Bean
    @org.springframework.context.annotation.Lazy
    ConsortiumSetup consortiumSetup(InstallSettings install, LedgerSettings settings, MasterKey masterKey, Clock clock,
                                    @Value("${careledger.demo.enabled:false}") boolean demo) {
        return demo ? ConsortiumSetup.dev(install.dataDir(), settings)
                : ConsortiumSetup.own(install.dataDir(), masterKey, settings, clock);
    }

    @Bean(destroyMethod = "close")
    Consortium consortium(InstallSettings install, LedgerSettings settings, org.springframework.beans.factory.ObjectProvider<ConsortiumSetup> setup) {
        return new Consortium(install.dataDir(), settings, setup::getObject);
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

        /** The setup's checks (an install's genesis and keys) stop the start if they refuse, as they did when it was made eagerly. */
        @EventListener(org.springframework.boot.context.event.ApplicationStartedEvent.class)
        void checkTheSetup() {
            consortium.setup();
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            consortium.startInBackground();
        }
    }
}
