package org.careledger.provider;

import java.util.UUID;

import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProvidersTest extends IntegrationTest {

    @Autowired
    Providers providers;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** A unique name of letters only: a provider's name holds no digits, as a person's does not. */
    private static String uniqueName() {
        StringBuilder suffix = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            suffix.append((char) ('a' + Character.digit(c, 16)));
        }
        return "Test Clinic " + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    }

    @Test
    void anAdminAddsAProviderThatEveryoneThenSees() {
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
        String name = uniqueName();

        ProviderView created = providers.create("  " + name + " ", ProviderKind.HOSPITAL, " 3 Test Road ");

        assertThat(created.name()).isEqualTo(name);
        assertThat(created.address()).isEqualTo("3 Test Road");
        TestAccounts.signOut();
        assertThat(providers.find(created.id())).contains(created);
        assertThat(providers.ofKind(ProviderKind.HOSPITAL)).contains(created);
        assertThat(providers.ofKind(ProviderKind.PHARMACY)).doesNotContain(created);
    }

    @Test
    void theDemoConsortiumHasTwoHospitalsAndAPharmacy() {
        assertThat(providers.all()).extracting(ProviderView::name)
                .contains("St. Mary's General Hospital", "Riverside Children's Hospital", "Northgate Community Pharmacy");
    }

    @Test
    void blankOrMissingFieldsAreRefusedTogether() {
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> providers.create("   ", null, ""));
        assertThat(e.fieldErrors())
                .containsEntry("name", "Enter the provider's name (1 to 120 characters)")
                .containsEntry("kind", "Choose hospital or pharmacy")
                .containsEntry("address", "Enter the provider's address (1 to 300 characters)");
        InvalidInputException tooLong = catchThrowableOfType(InvalidInputException.class,
                () -> providers.create("x".repeat(121), ProviderKind.PHARMACY, "1 Road"));
        assertThat(tooLong.fieldErrors()).containsOnlyKeys("name");
    }

    @Test
    void aProvidersNameAndAddressAreEachOneLineWithoutControlCharacters() {
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
        String name = uniqueName();

        for (String c : new String[] {"\n", "\r", "\t", "\u0000", "\u0085", "\u2028", "\u2029"}) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> providers.create(name + c + "Annex", ProviderKind.HOSPITAL, "3 Test Road" + c));
            assertThat(e).as("a provider with U+%04X", (int) c.charAt(0)).isNotNull();
            assertThat(e.fieldErrors())
                    .containsEntry("name", "Use one line, without control characters")
                    .containsEntry("address", "Use one line, without control characters");
        }
        assertThat(providers.all()).extracting(ProviderView::name).noneMatch(n -> n.startsWith(name));
    }

    @Test
    void aProvidersNameKeepsToAPersonsNameCharactersSoMarkupIsNeverStored() {
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
        int before = providers.all().size();

        for (String markup : new String[] {"<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "Clinic & Co", "Pharmacy #42"}) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> providers.create(markup, ProviderKind.PHARMACY, "1 Road"));
            assertThat(e).as(markup).isNotNull();
            assertThat(e.fieldErrors()).containsExactly(
                    org.assertj.core.api.Assertions.entry("name", "Use letters, spaces, apostrophes, periods and hyphens only"));
        }
        assertThat(providers.all()).hasSize(before);
        ProviderView renamed = providers.create(uniqueName(), ProviderKind.HOSPITAL, "2 Road");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> providers.update(renamed.id(), "<b>Bold</b>", ProviderKind.HOSPITAL, "2 Road"));
        assertThat(e.fieldErrors()).containsOnlyKeys("name");
        assertThat(providers.find(renamed.id())).contains(renamed);
    }

    @Test
    void aDuplicateNameIsRefusedWhateverItsCase() {
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
        int before = providers.all().size();
        for (String dup : new String[] {"St. Mary's General Hospital", "st. mary's general hospital", " ST. MARY'S GENERAL HOSPITAL "}) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> providers.create(dup, ProviderKind.HOSPITAL, "Elsewhere 1"));
            assertThat(e.fieldErrors()).containsExactly(
                    org.assertj.core.api.Assertions.entry("name", "A provider with this name already exists"));
        }
        assertThat(providers.all()).hasSize(before);
    }

    @Test
    void renamingAProviderToAnotherProvidersNameIsRefusedButKeepingItsOwnIsFine() {
        TestAccounts.signIn(DemoAccounts.ADMIN.username(), Role.ADMIN);
        ProviderView mine = providers.create(uniqueName(), ProviderKind.PHARMACY, "5 Test Row");

        assertThat(providers.update(mine.id(), mine.name().toUpperCase(), ProviderKind.PHARMACY, "6 Test Row").address())
                .isEqualTo("6 Test Row");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> providers.update(mine.id(), "Northgate Community Pharmacy", ProviderKind.PHARMACY, "6 Test Row"));
        assertThat(e.fieldErrors()).containsEntry("name", "A provider with this name already exists");
        assertThatThrownBy(() -> providers.update(9_999_999L, uniqueName(), ProviderKind.PHARMACY, "x"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAdminsCreateOrChangeProviders() {
        long hospital = providers.ofKind(ProviderKind.HOSPITAL).get(0).id();
        for (Role role : new Role[] {Role.DOCTOR, Role.PATIENT, Role.PHARMACIST}) {
            TestAccounts.signIn(role.name().toLowerCase() + "@careledger.test", role);
            assertThatThrownBy(() -> providers.create(uniqueName(), ProviderKind.HOSPITAL, "1 Road"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> providers.update(hospital, uniqueName(), ProviderKind.HOSPITAL, "1 Road"))
                    .isInstanceOf(AccessDeniedException.class);
        }
        TestAccounts.signOut();
        assertThatThrownBy(() -> providers.create(uniqueName(), ProviderKind.HOSPITAL, "1 Road"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
