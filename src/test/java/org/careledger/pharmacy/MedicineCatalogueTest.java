package org.careledger.pharmacy;

import java.util.concurrent.TimeUnit;

import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.TokenAmount;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.pharmacy.internal.MedicineCatalogueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue as admins and doctors meet it on the real database: filled once from the bundled
 * one, priced and withdrawn by admins only, a withdrawn medicine refused for a new prescription but
 * still found, and a pharmacy without its own price selling at the catalogue's.
 */
class MedicineCatalogueTest extends IntegrationTest {

    /** Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet, in the bundled catalogue. */
    private static final RxNormCode AMOXICILLIN_CLAVULANATE = RxNormCode.of("562251");

    @Autowired
    MedicineCatalogue catalogue;
    @Autowired
    CatalogueSeeding seeding;

    @BeforeEach
    void theCatalogueIsFilled() throws InterruptedException {
        assertThat(seeding.awaitSeeded(60, TimeUnit.SECONDS)).as("the background seeding ran").isTrue();
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, action);
    }

    @Test
    void aNewInstallHasEveryBundledMedicineOnceAndASecondSeedingChangesNothing() {
        int bundled = MedicineCatalogueSource.bundled().size();
        assertThat(catalogue.all()).hasSize(bundled);
        seeding.seedIfEmpty();
        assertThat(catalogue.all()).hasSize(bundled);
        assertThat(catalogue.find(AMOXICILLIN_CLAVULANATE)).hasValueSatisfying(m -> {
            assertThat(m.name()).startsWith("Amoxicillin 250 MG / Clavulanate 125 MG");
            assertThat(m.unitPrice().baseUnits()).isPositive();
            assertThat(m.withdrawn()).isFalse();
        });
    }

    @Test
    void anAdminSetsAPriceThatEveryPharmacyWithoutItsOwnThenSellsAt() {
        TokenAmount before = catalogue.find(AMOXICILLIN_CLAVULANATE).orElseThrow().unitPrice();
        try {
            CatalogueMedicine repriced = asAdmin(() -> catalogue.setPrice(AMOXICILLIN_CLAVULANATE, "12.345678"));
            assertThat(repriced.unitPrice().baseUnits()).isEqualTo(12_345_678L);
            assertThat(catalogue.priceAt(Long.MAX_VALUE, AMOXICILLIN_CLAVULANATE)).isEqualTo(new TokenAmount(12_345_678L));
        } finally {
            asAdmin(() -> catalogue.setPrice(AMOXICILLIN_CLAVULANATE, before.format().replace(",", "")));
        }
    }

    @Test
    void aPriceThatIsNotOneIsRefusedAtItsFieldAndNothingChanges() {
        TokenAmount before = catalogue.find(AMOXICILLIN_CLAVULANATE).orElseThrow().unitPrice();
        for (String[] bad : new String[][] {{"-1", "An amount cannot be negative"}, {"abc", "Not a number of tokens"},
                {"0.0000001", "At most 6 decimals"}, {"1000000.000001", "At most 1,000,000 tokens a unit"}}) {
            assertThatThrownBy(() -> asAdmin(() -> catalogue.setPrice(AMOXICILLIN_CLAVULANATE, bad[0])))
                    .as(bad[0]).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors().get("price")).startsWith(bad[1]));
        }
        assertThat(catalogue.find(AMOXICILLIN_CLAVULANATE).orElseThrow().unitPrice()).isEqualTo(before);
    }

    @Test
    void onlyAnAdminChangesTheCatalogue() {
        assertThatThrownBy(() -> TestAccounts.as(DemoAccounts.DOCTOR.username(), Role.DOCTOR,
                () -> catalogue.setPrice(AMOXICILLIN_CLAVULANATE, "1"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestAccounts.as(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST,
                () -> catalogue.withdraw(AMOXICILLIN_CLAVULANATE))).isInstanceOf(AccessDeniedException.class);
        assertThat(catalogue.find(AMOXICILLIN_CLAVULANATE).orElseThrow().withdrawn()).isFalse();
    }

    @Test
    void onlyAPharmacistSetsAPharmacysOwnPrice() {
        assertThatThrownBy(() -> TestAccounts.as(DemoAccounts.DOCTOR.username(), Role.DOCTOR,
                () -> catalogue.setOwnPrice(AMOXICILLIN_CLAVULANATE, "1"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asAdmin(() -> catalogue.setOwnPrice(AMOXICILLIN_CLAVULANATE, "1"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestAccounts.as(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST,
                () -> catalogue.setOwnPrice(AMOXICILLIN_CLAVULANATE, "abc"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aWithdrawnMedicineCannotBeNewlyPrescribedButIsStillFoundUntilReinstated() {
        try {
            asAdmin(() -> catalogue.withdraw(AMOXICILLIN_CLAVULANATE));

            assertThatThrownBy(() -> catalogue.requirePrescribable(AMOXICILLIN_CLAVULANATE))
                    .isInstanceOf(MedicineWithdrawnException.class)
                    .hasMessageContaining("was withdrawn from the catalogue and cannot be newly prescribed");
            assertThat(catalogue.prescribable("clavulanate", 50)).extracting(CatalogueMedicine::code)
                    .doesNotContain(AMOXICILLIN_CLAVULANATE);
            assertThat(catalogue.find(AMOXICILLIN_CLAVULANATE)).hasValueSatisfying(m -> assertThat(m.withdrawn()).isTrue());
        } finally {
            asAdmin(() -> catalogue.reinstate(AMOXICILLIN_CLAVULANATE));
        }
        assertThat(catalogue.requirePrescribable(AMOXICILLIN_CLAVULANATE).code()).isEqualTo(AMOXICILLIN_CLAVULANATE);
        assertThat(catalogue.prescribable("CLAVULANATE", 50)).extracting(CatalogueMedicine::code).contains(AMOXICILLIN_CLAVULANATE);
    }

    @Test
    void aCodeNotInTheCatalogueIsSaidSo() {
        assertThatThrownBy(() -> catalogue.requirePrescribable(RxNormCode.of("999999999")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no medicine with RxNorm code 999999999");
        assertThatThrownBy(() -> asAdmin(() -> catalogue.withdraw(RxNormCode.of("999999999")))).isInstanceOf(NotFoundException.class);
    }
}
