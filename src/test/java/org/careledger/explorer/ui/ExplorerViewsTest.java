package org.careledger.explorer.ui;

import java.time.Duration;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import org.careledger.Await;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.explorer.ChainExplorer;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.records.DoctorConsent;
import org.careledger.records.ProofDownload;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The explorer's pages as an admin and a patient meet them: the overview, search, a transaction and its proof, the accounts, a proof check. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerViewsTest extends KaribuTest {

    private LedgerService ledger;
    private UserProfile patient;
    private UserProfile stranger;
    private Hash request;

    @BeforeAll
    void aConsentRequestOnTheChain() {
        ledger = ctx.getBean(LedgerService.class);
        TestAccounts people = accounts();
        UserProfile doctor = people.active(Role.DOCTOR);
        patient = people.active(Role.PATIENT);
        stranger = people.active(Role.PATIENT);
        for (UserProfile p : java.util.List.of(doctor, patient)) {
            Await.until("registered", () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        }
        request = TestAccounts.as(doctor, () -> ctx.getBean(DoctorConsent.class).requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                Set.of(RecordCategory.DIAGNOSIS), Duration.ofDays(7), null)).txId();
        ledger.awaitCommitted(request, Duration.ofSeconds(30));
    }

    @Test
    void theOverviewShowsTheHeightAndLatestBlocksAndTheSearchBoxGoesToATransaction() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("explorer");
        ExplorerView view = _get(ExplorerView.class);
        assertThat(Long.parseLong(_get(Span.class, spec -> spec.withId("chain-height")).getText())).isPositive();
        assertThat(view.latestBlocks.getListDataView().getItemCount()).isPositive();
        assertThat(view.latestTransactions.getListDataView().getItemCount()).isPositive();

        TextField box = _get(TextField.class, spec -> spec.withId("explorer-search"));
        box.setValue("no such thing");
        ExplorerUi.go(ctx.getBean(ExplorerSearch.class), box);
        assertThat(box.isInvalid()).isTrue();
        assertThat(box.getErrorMessage()).isEqualTo("Nothing on this chain matches \"no such thing\"");

        box.setValue(request.hex());
        ExplorerUi.go(ctx.getBean(ExplorerSearch.class), box);
        long height = ledger.committedTransaction(request).orElseThrow().location().height();
        assertThat(_get(Span.class, spec -> spec.withId("tx-status")).getText()).isEqualTo("in block " + height);
        assertThat(_get(RouterLink.class, spec -> spec.withId("tx-block-link")).getHref()).isEqualTo("explorer/block/" + height);
        assertThat(_find(Anchor.class, spec -> spec.withId("proof-download-" + request.shortHex()))).hasSize(1);

        UI.getCurrent().navigate("explorer/block/" + height);
        assertThat(_get(Span.class, spec -> spec.withId("block-height")).getText()).isEqualTo(String.valueOf(height));
    }

    @Test
    void aNewBlockRefreshesTheOverviewByPush() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("explorer");
        ExplorerView view = _get(ExplorerView.class);
        view.height.setText("stale");
        view.refresh(); // what the broadcaster's push runs in ui.access
        assertThat(view.height.getText()).isEqualTo(String.valueOf(ledger.summary().height()));
    }

    @Test
    void aPatientSeesTheirOwnTransactionAndIsToldAnotherPatientsIsNotTheirs() {
        login(patient.username(), Role.PATIENT);
        UI.getCurrent().navigate("explorer/tx/" + request.hex());
        assertThat(_get(Span.class, spec -> spec.withId("tx-status")).getText()).startsWith("in block");

        login(stranger.username(), Role.PATIENT);
        UI.getCurrent().navigate("explorer/tx/" + request.hex());
        assertThat(_find(Span.class, spec -> spec.withId("tx-status"))).as("nothing of it shown").isEmpty();
        assertThat(_get(TransactionView.class).fields.getChildren().count()).isZero();
    }

    @Test
    void theAccountsPageRevealsADevKeyOnlyWhenAskedMarkedAsAPublicTestKey() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("explorer/accounts");
        AccountsView view = _get(AccountsView.class);
        assertThat(view.grid.getListDataView().getItemCount()).isEqualTo(10);
        assertThat(_find(Span.class, spec -> spec.withId("dev-key-0"))).isEmpty();
    }

    @Test
    void anUploadedProofIsJudgedValidAndGarbageInvalid() {
        login(patient.username(), Role.PATIENT);
        ProofDownload proof = TestAccounts.as(patient, () -> ctx.getBean(ChainExplorer.class).proofOf(request.hex())).orElseThrow();
        UI.getCurrent().navigate("explorer/verify");
        VerifyProofView view = _get(VerifyProofView.class);
        assertThat(view.upload.getId()).hasValue("proof-upload");

        view.check(proof.qrPng());
        assertThat(_get(Paragraph.class, spec -> spec.withId("proof-verdict")).getText()).startsWith("Valid");

        view.check("{\"version\": 1}".getBytes());
        assertThat(_get(Paragraph.class, spec -> spec.withId("proof-verdict")).getText()).startsWith("Invalid (rule encoding)");
    }

    @Test
    void theBlockListStartsAtTheTipAndOffersOlderBlocksUntilGenesis() {
        login(DemoAccounts.ADMIN.username(), Role.ADMIN);
        UI.getCurrent().navigate("explorer/blocks");
        BlocksView view = _get(BlocksView.class);
        var shown = view.grid.getListDataView().getItems().toList();
        assertThat(shown.get(0).height()).isGreaterThanOrEqualTo(ledger.committedTransaction(request).orElseThrow().location().height());
        assertThat(_get(Button.class, spec -> spec.withId("blocks-older")).isEnabled())
                .isEqualTo(shown.get(shown.size() - 1).height() > 0);
    }
}
