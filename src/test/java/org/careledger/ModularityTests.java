package org.careledger;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Each top-level package is a module; none reaches into another's internals, and none form a cycle. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CareLedgerApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        assertThat(modules.stream().map(ApplicationModule::getName))
                .contains("crypto", "install", "common", "identity", "provider", "inbox", "ui");
        modules.verify();
    }
}
