package org.careledger.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages a person meets when something goes wrong, and the pages not yet built out. (The page for
 * an unknown address is checked in a real browser by the layout sweep: Karibu's navigation does not
 * pass the signed-in principal to Vaadin's access check of a not-found error view.)
 */
class ShellPagesTest extends KaribuTest {

    @Test
    @DisplayName("a page that fails unexpectedly shows an incident code to quote, and nothing of the stack")
    void anUnexpectedFailureShowsAnIncidentCodeAndNoInternals() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("test-only/broken");

        _get(UnexpectedErrorView.class);
        String shown = _get(Paragraph.class, spec -> spec.withId("incident")).getText();
        assertThat(shown).matches(".*incident code CL-[0-9A-F]{4}-[0-9A-F]{4}\\..*")
                .doesNotContain("IllegalStateException").doesNotContain("secret internal detail").doesNotContain("Internal.java");
        _assertOne(SideNav.class);
    }

    @Test
    @DisplayName("a page whose item does not exist says what the service said, with no incident code")
    void aMissingItemShowsTheServicesExplanation() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("test-only/broken", com.vaadin.flow.router.QueryParameters.of("missing", ""));

        assertThat(_get(Paragraph.class, spec -> spec.withId("incident")).getText())
                .isEqualTo("There is no patient with that address.");
    }

    @Test
    @DisplayName("the pharmacist's profile links to their pharmacy's prices")
    void thePharmacistsProfileLinksToPrices() {
        login(DemoAccounts.PHARMACIST.username(), Role.PHARMACIST);
        UI.getCurrent().navigate("pharmacist/profile");

        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("pharmacy-prices-link")).getHref())
                .isEqualTo("pharmacist/prices");
    }
}
