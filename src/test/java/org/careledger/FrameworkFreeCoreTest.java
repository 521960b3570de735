package org.careledger;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ledger core (crypto, ledger, contracts and the command line) is plain Java: it imports no
 * Spring, JPA, servlet or Vaadin type, so it runs and is tested without a framework.
 */
@AnalyzeClasses(packages = "org.careledger", importOptions = ImportOption.DoNotIncludeTests.class)
class FrameworkFreeCoreTest {

    @ArchTest
    static final ArchRule coreImportsNoFramework = noClasses()
            .that().resideInAnyPackage("org.careledger.crypto..", "org.careledger.ledger..",
                    "org.careledger.contracts..", "org.careledger.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "jakarta.servlet..", "org.hibernate..", "com.vaadin..")
            .because("the ledger core must run and be tested without a framework (DESIGN.md)");
}
