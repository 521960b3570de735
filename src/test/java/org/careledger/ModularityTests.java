package org.careledger;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module. None reaches into another's internals, none forms a cycle, and
 * each portal module depends only on the modules its {@code package-info.java} allows, so a new arrow
 * between modules is a decision written down, not an accident. The framework-free core (crypto,
 * ledger, contracts, cli) cannot carry Spring's annotation; {@link FrameworkFreeCoreTest} layers it.
 */
@Execution(ExecutionMode.CONCURRENT) // no Spring context, no shared state: beside the rest, see src/test/resources/junit-platform.properties
class ModularityTests {

    private static final Set<String> CORE = Set.of("crypto", "ledger", "contracts", "cli");

    /** Read once for both tests: scanning the classes into modules takes seconds. */
    private static final ApplicationModules modules = ApplicationModules.of(CareLedgerApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        assertThat(modules.stream().map(ApplicationModule::getName))
                .contains("crypto", "install", "common", "identity", "provider", "inbox", "ui", "outbox", "records", "registry", "wallet", "pharmacy");
        modules.verify();
    }

    @Test
    void everyPortalModuleDeclaresTheModulesItMayDependOn() {
        List<String> undeclared = modules.stream().map(ApplicationModule::getName).filter(name -> !CORE.contains(name))
                .filter(name -> {
                    Package p = packageOf(name);
                    var annotation = p == null ? null : p.getAnnotation(org.springframework.modulith.ApplicationModule.class);
                    return annotation == null || List.of(annotation.allowedDependencies())
                            .contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
                }).toList();
        assertThat(undeclared).as("modules without allowedDependencies in their package-info.java").isEmpty();
    }

    private static Package packageOf(String module) {
        try {
            return Class.forName("org.careledger." + module + ".package-info").getPackage();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
