package org.careledger;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ledger core (crypto, ledger, contracts and the command line) is plain Java: it imports no
 * Spring, JPA, servlet or Vaadin type, so it runs and is tested without a framework; and it imports
 * no portal package, each layer only the ones below it: crypto nothing of ours, ledger crypto,
 * contracts ledger and crypto, the command line those three. The pharmacy's reference data
 * ({@code pharmacy.internal}: its catalogue, drug classes and prescribing checks) is plain Java too, and
 * so is decision support's engine ({@code recommend.engine}), which imports nothing else of CareLedger.
 * (The portal's modules are checked by {@link ModularityTests}.)
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

    @ArchTest
    static final ArchRule pharmacyReferenceDataImportsNoFramework = noClasses()
            .that().resideInAPackage("org.careledger.pharmacy.internal")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "jakarta.servlet..", "org.hibernate..", "com.vaadin..")
            .because("the pharmacy's catalogue, drug classes and prescribing checks are plain Java, tested without a framework");

    @ArchTest
    static final ArchRule recommenderEngineImportsNoFramework = noClasses()
            .that().resideInAPackage("org.careledger.recommend.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "jakarta.servlet..", "org.hibernate..", "com.vaadin..")
            .because("decision support's engine (data, models, evaluation, model files) is plain Java on Smile, tested without a framework");

    @ArchTest
    static final ArchRule analyticsCubeIsPlainJava = noClasses()
            .that().resideInAPackage("org.careledger.analytics.cube..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "com.vaadin..",
                    "org.careledger.ledger..", "org.careledger.records..", "org.careledger.identity..")
            .because("the analytics cube and its suppression are arithmetic on counts, tested without a framework or the portal");

    @ArchTest
    static final ArchRule recommenderEngineImportsNothingOfThePortal = noClasses()
            .that().resideInAPackage("org.careledger.recommend.engine..")
            .should().dependOnClassesThat(resideInAPackage("org.careledger..")
                    .and(DescribedPredicate.not(resideInAPackage("org.careledger.recommend.engine.."))))
            .because("the portal wires the engine in, never the other way round");

    @ArchTest
    static final ArchRule cryptoImportsNothingOfOurs = layer("crypto");

    @ArchTest
    static final ArchRule ledgerImportsOnlyCrypto = layer("ledger", "crypto");

    @ArchTest
    static final ArchRule contractsImportOnlyTheLedgerAndCrypto = layer("contracts", "ledger", "crypto");

    @ArchTest
    static final ArchRule theCommandLineImportsOnlyTheCore = layer("cli", "contracts", "ledger", "crypto");

    private static ArchRule layer(String layer, String... below) {
        String[] allowed = new String[below.length + 1];
        allowed[0] = "org.careledger." + layer + "..";
        for (int i = 0; i < below.length; i++) {
            allowed[i + 1] = "org.careledger." + below[i] + "..";
        }
        DescribedPredicate<JavaClass> portal = resideInAPackage("org.careledger..").and(DescribedPredicate.not(resideInAnyPackage(allowed)))
                .as("a package of CareLedger other than " + String.join(", ", allowed));
        return noClasses().that().resideInAPackage("org.careledger." + layer + "..")
                .should().dependOnClassesThat(portal)
                .because("the core is layered below the portal: " + layer + " sees only " + String.join(", ", allowed));
    }
}
