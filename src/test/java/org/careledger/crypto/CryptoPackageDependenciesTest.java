package org.careledger.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The crypto package stays plain Java: JDK, javax.crypto and BouncyCastle only. */
class CryptoPackageDependenciesTest {

    @Test
    void cryptoPackageDependsOnlyOnJdkAndBouncyCastle() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.careledger.crypto");
        classes().that().resideInAPackage("org.careledger.crypto..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "org.bouncycastle..", "org.careledger.crypto..")
                .check(production);
    }
}
