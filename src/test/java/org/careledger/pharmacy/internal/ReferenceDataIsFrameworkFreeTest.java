package org.careledger.pharmacy.internal;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The pharmacy's reference data and the checks made from it are plain Java that needs no other
 * module, so every rule is reached by a unit test without a framework; the module's services wire
 * them into Spring.
 */
@AnalyzeClasses(packages = "org.careledger.pharmacy.internal", importOptions = ImportOption.DoNotIncludeTests.class)
class ReferenceDataIsFrameworkFreeTest {

    @ArchTest
    static final ArchRule referenceDataImportsNoFramework = referenceData()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "com.vaadin..")
            .because("the pharmacy's reference data is plain Java");

    @ArchTest
    static final ArchRule referenceDataImportsNoOtherModule = referenceData()
            .should().dependOnClassesThat(resideInAPackage("org.careledger..")
                    .and(DescribedPredicate.not(resideInAPackage("org.careledger.pharmacy.internal..")))
                    .as("another package of CareLedger"))
            .because("the pharmacy's reference data depends on no other module");

    private static GivenClassesConjunction referenceData() {
        return noClasses().that().belongToAnyOf(RxNormCode.class, Medicine.class, MedicineCatalogueSource.class,
                CatalogueFormatException.class, ReferenceCsv.class, Ingredient.class, DrugClass.class, DrugClasses.class,
                DrugClassTables.class, Words.class, AllergyEntry.class, AllergyConflict.class, AllergyConflicts.class,
                DuplicateTherapy.class);
    }
}
