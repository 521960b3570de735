package org.careledger.explorer.ui;

import java.time.Duration;
import java.util.stream.IntStream;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.careledger.Await;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.DevAccounts;
import org.careledger.explorer.IntegrityAudit;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.SecurityAudit;
import org.careledger.identity.TestAccounts;
import org.careledger.node.LedgerService;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The consortium console and the security event list as an admin uses them, without a browser. */
class ConsortiumViewsTest extends KaribuTest {

    static final String ADMIN = DemoAccounts.ADMIN.username();

    @AfterEach
    void everyNodeSealsAgain() {
        LedgerService ledger = ctx.getBean(LedgerService.class);
        org.careledger.node.ConsortiumControl control = ctx.getBean(org.careledger.node.ConsortiumControl.class);
        control.nodeNames().forEach(control::resumeSealing);
    }

    @Test
    void eachNodeHasACardThatFollowsNewBlocksWithoutAReload() {
        ConsortiumView view = openConsortium();
        for (String node : DevConsortium.NAMES) {
            assertThat(text("node-sealing-" + node)).isEqualTo("Sealing");
            assertThat(view.cardsByNode.get(node).pause.isVisible()).isTrue();
            assertThat(view.cardsByNode.get(node).resume.isVisible()).isFalse();
        }
        assertThat(view.cardsByNode.get("st-marys").getElement().getTextRecursively()).contains("St. Mary's General Hospital",
                "(this portal's node)", "2 of 2 reachable", "Checkpoint", "Store on disk");

        LedgerService ledger = ctx.getBean(LedgerService.class);
        org.careledger.node.ConsortiumControl control = ctx.getBean(org.careledger.node.ConsortiumControl.class);
        long height = ledger.awaitCommitted(ledger.submit(DevAccounts.ganacheAccount(5),
                Tokens.transfer(DevAccounts.ganacheAccount(6).address(), 1), 1000).id(), Duration.ofSeconds(30));
        Await.until("the page shows block " + height + " pushed to it", () -> {
            MockVaadin.clientRoundtrip();
            return Long.parseLong(text("node-height-st-marys")) >= height;
        });
        assertThat(view.agreement.getText()).endsWith("3 of 3 nodes sealing.");
    }

    @Test
    void pauseAndResumeChangeTheCardAndTheLastSealerIsRefusedWithAClearError() {
        ConsortiumView view = openConsortium();

        _click(button("pause-riverside"));
        expectNotifications("Node riverside no longer seals blocks; it still follows the chain.");
        assertThat(text("node-sealing-riverside")).isEqualTo("Paused");
        assertThat(view.cardsByNode.get("riverside").pause.isVisible()).as("Pause is hidden while paused").isFalse();
        assertThat(button("resume-riverside").isVisible()).isTrue();

        _click(button("pause-northgate"));
        expectNotifications("Node northgate no longer seals blocks; it still follows the chain.");
        _click(button("pause-st-marys"));
        expectNotifications("st-marys is the last node still sealing blocks: pausing it would stop the chain. Resume another node first.");
        assertThat(text("node-sealing-st-marys")).isEqualTo("Sealing");
        assertThat(view.agreement.getText()).endsWith("1 of 3 nodes sealing.");

        _click(button("resume-riverside"));
        expectNotifications("Node riverside seals blocks again.");
        assertThat(text("node-sealing-riverside")).isEqualTo("Sealing");
    }

    @Test
    void theAuditRunsFromThePageShowingItsProgressAndItsResultPerNode() {
        ConsortiumView view = openConsortium();
        assertThat(view.auditPanel.cancel.isEnabled()).isFalse();

        _click(button("audit-start"));
        assertThat(button("audit-start").isEnabled()).isFalse();
        Await.until("the audit's end is pushed to the page", () -> {
            MockVaadin.clientRoundtrip();
            return button("audit-start").isEnabled();
        });

        assertThat(view.auditPanel.progressText.getText()).isEqualTo("Finished: 100 %");
        assertThat(view.auditPanel.bar.getValue()).isEqualTo(100.0);
        assertThat(button("audit-cancel").isEnabled()).isFalse();
        String result = view.auditPanel.result.getElement().getTextRecursively();
        assertThat(result).startsWith("Last audit: every node's store is valid. Started by " + ADMIN + " on ");
        for (String node : DevConsortium.NAMES) {
            assertThat(result).contains(node + ": valid up to height ");
        }
    }

    @Test
    void theLastAuditIsShownWhenThePageOpens() {
        IntegrityAudit audit = ctx.getBean(IntegrityAudit.class);
        TestAccounts.as(ADMIN, Role.ADMIN, () -> audit.start());
        Await.until("the audit ends", () -> !TestAccounts.as(ADMIN, Role.ADMIN, audit::progress).running());

        ConsortiumView view = openConsortium();

        assertThat(view.auditPanel.result.getElement().getTextRecursively()).contains("Started by " + ADMIN, "riverside: valid");
        assertThat(view.auditPanel.progress.isVisible()).isFalse();
    }

    @Test
    void otherRolesDoNotSeeTheConsoleNorTheEvents() {
        for (Role role : new Role[] {Role.DOCTOR, Role.PATIENT, Role.PHARMACIST}) {
            login(role.name().toLowerCase() + "@careledger.test", role);
            UI.getCurrent().navigate("admin/consortium");
            _assertNone(VerticalLayout.class, spec -> spec.withId("consortium-view"));
            UI.getCurrent().navigate("admin/security-events");
            _assertNone(VerticalLayout.class, spec -> spec.withId("security-events-view"));
        }
    }

    @Test
    void theEventListFiltersByUserAndKindAndPagesThroughOlderEvents() {
        String someone = TestAccounts.uniqueEmail("paging");
        SecurityAudit audit = ctx.getBean(SecurityAudit.class);
        IntStream.range(0, SecurityEventsView.PAGE_SIZE + 5).forEach(i -> audit.sealingPaused(someone, "node-" + i));
        audit.sealingResumed(someone, "node-0");
        login(ADMIN, Role.ADMIN);
        UI.getCurrent().navigate("admin/security-events");
        SecurityEventsView view = _get(SecurityEventsView.class);
        assertThat(view.kind.getListDataView().getItems()).contains("LOGIN", "LOCK", "ROLE_CHANGE", "EMERGENCY_ACCESS", "INTEGRITY_AUDIT");

        _setValue(view.user, someone.toUpperCase());
        _setValue(view.kind, "SEALING_PAUSED");
        _click(view.apply);

        assertThat(_size(view.grid)).isEqualTo(SecurityEventsView.PAGE_SIZE);
        assertThat(_getFormattedRow(view.grid, 0)).contains("SEALING_PAUSED", someone, "paused sealing on node node-54");
        assertThat(view.pageText.getText()).isEqualTo("Page 1 · 50 events");
        assertThat(view.newer.isEnabled()).isFalse();

        _click(view.older);
        assertThat(_size(view.grid)).isEqualTo(5);
        assertThat(_getFormattedRow(view.grid, 4)).contains("paused sealing on node node-0");
        assertThat(view.pageText.getText()).isEqualTo("Page 2 · 5 events");
        assertThat(view.older.isEnabled()).isFalse();

        _click(view.newer);
        assertThat(_getFormattedRow(view.grid, 0)).contains("paused sealing on node node-54");
        assertThat(view.newer.isEnabled()).isFalse();

        _setValue(view.kind, null);
        _click(view.apply);
        assertThat(_getFormattedRow(view.grid, 0)).contains("SEALING_RESUMED", "resumed sealing on node node-0");
    }

    @Test
    void anEndBeforeTheStartIsToldOnTheEndField() {
        login(ADMIN, Role.ADMIN);
        UI.getCurrent().navigate("admin/security-events");
        SecurityEventsView view = _get(SecurityEventsView.class);
        int shown = _size(view.grid);

        _setValue(view.from, java.time.LocalDate.of(2026, 5, 10));
        _setValue(view.to, java.time.LocalDate.of(2026, 5, 8));
        _click(view.apply);

        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The end must come after the start");
        assertThat(_size(view.grid)).as("the list is left as it was").isEqualTo(shown);

        _setValue(view.to, java.time.LocalDate.of(2026, 5, 10));
        _click(view.apply);
        assertThat(view.to.isInvalid()).isFalse();
    }

    private ConsortiumView openConsortium() {
        login(ADMIN, Role.ADMIN);
        UI.getCurrent().navigate("admin/consortium");
        return _get(ConsortiumView.class);
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}
