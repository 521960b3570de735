package org.careledger.node;

import org.careledger.install.InstallSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java consortium into Spring; the nodes open their stores and replay at start. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean(destroyMethod = "close")
    Consortium consortium(InstallSettings install, LedgerSettings settings) {
        Consortium consortium = new Consortium(install.dataDir(), settings);
        consortium.start();
        return consortium;
    }

    @Bean
    LedgerService ledgerService(Consortium consortium, ApplicationEventPublisher events) {
        return new LedgerService(consortium, events);
    }
}
