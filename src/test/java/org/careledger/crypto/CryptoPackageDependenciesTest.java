package org.careledger.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The crypto package stays plain Java: JDK, javax.crypto and BouncyCastle, and libsecp256k1's JNI
 * binding (a native library, not a framework) behind the one class that wraps it.
 */
class CryptoPackageDependenciesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.careledger.crypto");

    @Test
    void cryptoPackageDependsOnlyOnJdkBouncyCastleAndTheNativeBinding() {
        classes().that().resideInAPackage("org.careledger.crypto..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "org.bouncycastle..", "org.careledger.crypto..",
                        "fr.acinq.secp256k1")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheNativeEngineSeesTheBinding() {
        noClasses().that().resideInAPackage("org.careledger.crypto..")
                .and().doNotHaveSimpleName("LibSecp256k1Engine")
                .should().dependOnClassesThat().resideInAnyPackage("fr.acinq..", "kotlin..")
                .because("the JNI binding stays behind one small class, so the rest of the code never sees it")
                .check(PRODUCTION);
    }
}
