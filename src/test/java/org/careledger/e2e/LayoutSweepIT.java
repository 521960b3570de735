package org.careledger.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careledger.IntegrationTest;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.DemoAccounts.DemoAccount;
import org.careledger.e2e.PageSweep.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of every role, in a real browser at a laptop's 1366×768 and a phone's 390×844: each
 * button, link, field and navigation item can be reached without a sideways scroll, no grid cell's
 * text is cut without a tooltip (on a phone, without exception), and axe-core finds nothing serious
 * or critical. Screenshots of every page at both widths are kept in {@code target/screens/}, with the
 * findings in {@code target/screens/findings.txt}. The lists have rows ({@link SweepData}); the
 * pharmacist's inbox is seen empty. The dialogs a user opens from these pages (reject a registration,
 * grant or deny a request, declare an emergency) are checked open, at both widths. Two self-tests
 * show that each check can fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LayoutSweepIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    static final Size LAPTOP = new Size(1366, 768);
    static final Size PHONE = new Size(390, 844);

    private static SweepData data;

    @LocalServerPort
    int port;

    /** Who visits, with the account they sign in with (none for the public pages) and their home's id. */
    enum Visitor {
        PUBLIC(null, null), ADMIN(DemoAccounts.ADMIN, "admin-home"), DOCTOR(DemoAccounts.DOCTOR, "doctor-home"),
        PATIENT(DemoAccounts.PATIENT, "patient-home"), PHARMACIST(DemoAccounts.PHARMACIST, "pharmacist-home");

        final DemoAccount account;
        final String homeId;

        Visitor(DemoAccount account, String homeId) {
            this.account = account;
            this.homeId = homeId;
        }
    }

    /** A page: its name in the findings and the screenshot's file, its path, and the id of an element that shows it has loaded. */
    record Page(String name, String path, String shows) {
    }

    /** A dialog on a page: the button that opens it (CSS) and the id of a field inside it. */
    record DialogOn(String page, String name, String button, String shows) {
    }

    /** The dialogs a visitor opens on the pages swept, at both widths: a label or button cut there is a finding too. */
    static List<DialogOn> dialogsOf(Visitor visitor) {
        return switch (visitor) {
            case ADMIN -> List.of(new DialogOn("approvals", "reject-dialog", "vaadin-button[id^='reject-']", "reject-reason"),
                    new DialogOn("medicines", "price-dialog", "vaadin-button[id^='price-']", "price-field"));
            case DOCTOR -> List.of(new DialogOn("patient-record-no-consent", "emergency-dialog", "#declare-emergency-button",
                    "emergency-reason"));
            case PATIENT -> List.of(
                    new DialogOn("access-requests", "grant-dialog", "vaadin-button[id^='approve-request-button-']", "grant-duration"),
                    new DialogOn("access-requests", "deny-dialog", "vaadin-button[id^='deny-request-button-']", "deny-reason"));
            case PHARMACIST -> List.of(new DialogOn("prices", "own-price-dialog", "vaadin-button[id^='own-price-']", "own-price-field"));
            case PUBLIC -> List.of();
        };
    }

    /**
     * Every route of the portal (see {@code @Route} in src/main), as each visitor reaches it; an
     * unknown address signed out and signed in, the access-denied page, and the page a failure shows
     * (through the test classpath's {@code test-only/broken}). {@code ""} only redirects to the role's home.
     * Every page a visitor's side navigation leads to is among its pages (the sweep checks that as it
     * signs in), so each view is opened by each role that may open it.
     */
    static List<Page> pagesOf(Visitor visitor, SweepData data) {
        return switch (visitor) {
            case PUBLIC -> List.of(new Page("login", "login", "login-view"), new Page("register", "register", "register-view"),
                    new Page("unknown-url", "no-such-page", null));
            case ADMIN -> List.of(new Page("approvals", "admin", "admin-home"), new Page("users", "admin/users", "users-grid"),
                    new Page("providers", "admin/providers", "providers-grid"),
                    new Page("emergency-reviews", "admin/emergencies", "emergency-review-grid"),
                    new Page("erasure-requests", "admin/erasures", "erasure-grid"),
                    new Page("medicines", "admin/medicines", "medicines-grid"),
                    new Page("appointments", "admin/appointments", "admin-day"),
                    new Page("consortium", "admin/consortium", "node-cards"),
                    new Page("security-events", "admin/security-events", "security-events-grid"), wallet(),
                    new Page("decision-support", "admin/decision-support", "model-card"),
                    new Page("analytics", "admin/analytics", "chart-canvas-new-diagnoses"),
                    new Page("explorer", "explorer", "latest-blocks"), new Page("explorer-block", "explorer/block/1", "block-fields"),
                    new Page("explorer-tx", "explorer/tx/" + data.transaction(), "tx-fields"),
                    explorerAccounts(), verifyProof(), inbox(), password(),
                    new Page("unexpected-error", "test-only/broken", "unexpected-error"));
            case DOCTOR -> List.of(new Page("home", "doctor", "doctor-home"), new Page("patients", "doctor/patients", "doctor-patients"),
                    new Page("patient-record", "doctor/patients/" + data.grantedPatient(), "record-grid"),
                    new Page("patient-record-no-consent", "doctor/patients/" + data.unknownPatient(), "consent-required"),
                    new Page("prescribe", "doctor/prescribe/" + data.grantedPatient(), "rx-mine"),
                    new Page("prescribe-suggestions", "doctor/prescribe/" + data.grantedPatient()
                            + "?system=SNOMED-CT&code=59621000&display=Hypertension", "rx-suggestions"),
                    new Page("symptom-analysis", "doctor/symptoms/" + data.grantedPatient(), "ranked-conditions-0"),
                    new Page("appointments", "doctor/appointments", "doctor-day"),
                    new Page("availability", "doctor/availability", "changes-grid"),
                    new Page("my-figures", "doctor/analytics", "analytics-charts"), wallet(),
                    new Page("explorer", "explorer", "latest-blocks"), explorerAccounts(), verifyProof(),
                    inbox(), password());
            case PATIENT -> List.of(new Page("home", "patient", "patient-home"), new Page("record", "patient/record", "record-grid"),
                    new Page("access-requests", "patient/consents", "access-requests"),
                    new Page("access-log", "patient/access-log", "access-log-grid"), new Page("wallet", "wallet", "wallet-history"),
                    new Page("prescriptions", "patient/prescriptions", "active-prescriptions"),
                    new Page("appointments", "patient/appointments", "upcoming-appointments"),
                    new Page("book-appointment", "patient/appointments/book", "doctor-grid"),
                    new Page("report-symptoms", "patient/symptoms", "symptom-reports"),
                    new Page("explorer", "explorer", "latest-transactions"), verifyProof(), inbox(), password(),
                    new Page("access-denied", "admin", "access-denied"));
            case PHARMACIST -> List.of(new Page("home", "pharmacist", "dispensary-queue"),
                    new Page("dispense", "pharmacist/prescriptions/" + data.prescription(), "dispense-fills"),
                    new Page("profile", "pharmacist/profile", "pharmacist-profile"),
                    new Page("prices", "pharmacist/prices", "prices-grid"), wallet(), new Page("explorer", "explorer", "latest-blocks"),
                    explorerAccounts(), verifyProof(), new Page("inbox-empty", "inbox", "inbox-grid"),
                    password(), new Page("unknown-url", "no-such-page", "page-not-found"));
        };
    }

    private static Page wallet() {
        return new Page("wallet", "wallet", "wallet-history");
    }

    private static Page explorerAccounts() {
        return new Page("explorer-accounts", "explorer/accounts", "dev-accounts");
    }

    private static Page verifyProof() {
        return new Page("explorer-verify", "explorer/verify", "proof-upload");
    }

    private static Page inbox() {
        return new Page("inbox", "inbox", "inbox-grid");
    }

    private static Page password() {
        return new Page("change-password", "account/password", "change-password");
    }

    @BeforeAll
    static void fillTheLists(@Autowired ApplicationContext ctx) throws IOException {
        Files.deleteIfExists(PageSweep.SCREENS.resolve("findings.txt"));
        long started = System.nanoTime();
        data = SweepData.seed(ctx);
        System.out.println("LayoutSweepIT: lists filled in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Visitor.class)
    @DisplayName("every page of each role fits a laptop and a phone, cuts no cell's text and passes axe")
    void everyPageFitsAndPassesAxe(Visitor visitor) throws IOException {
        long started = System.nanoTime();
        PageSweep sweep = new PageSweep(browser.driver(), baseUrl(), visitor.name().toLowerCase());
        Map<String, List<String>> findings = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (Size size : List.of(LAPTOP, PHONE)) {
            sweep.resizeTo(size);
            if (visitor.account != null && size == LAPTOP) {
                new LoginPage(browser.driver(), baseUrl()).open()
                        .signInExpecting(visitor.account.username(), visitor.account.password(), visitor.homeId);
                assertThat(sweep.navigationPaths()).as("%s's navigation leads only to pages this sweep checks", visitor)
                        .isNotEmpty().isSubsetOf(pagesOf(visitor, data).stream().map(Page::path).toList());
            }
            boolean first = true;
            for (Page page : pagesOf(visitor, data)) {
                // each width's first page is loaded afresh; a signed-in user then moves by the portal's router, as by its links
                if (first || visitor.account == null) {
                    sweep.open(page.path(), page.shows());
                } else {
                    sweep.navigate(page.path(), page.shows());
                }
                first = false;
                if (page.name().equals("unknown-url") && page.shows() != null) {
                    assertThat(browser.driver().findElement(By.id("not-found-address")).getText())
                            .as("the not-found page names the address, inside the portal's frame")
                            .isEqualTo("There is no page at “/no-such-page”.");
                }
                List<String> lesser = new ArrayList<>();
                record(findings, visitor, page.name(), size, sweep.check(page.name(), lesser));
                record(notes, visitor, page.name(), size, lesser);
                for (DialogOn dialog : dialogsOf(visitor)) {
                    if (dialog.page().equals(page.name())) {
                        List<String> dialogNotes = new ArrayList<>();
                        record(findings, visitor, page.name() + " " + dialog.name(), size,
                                sweep.checkDialog(page.name() + "-" + dialog.name(), dialog.button(), dialog.shows(), dialogNotes));
                        record(notes, visitor, page.name() + " " + dialog.name(), size, dialogNotes);
                        sweep.settle(page.shows());
                    }
                }
                if (size == PHONE && page.shows() != null && page.shows().equals(visitor.homeId)) {
                    record(findings, visitor, page.name() + " (drawer opened)", size, sweep.checkOpenedDrawer(page.name() + "-drawer"));
                }
            }
        }
        String report = report(findings);
        Files.createDirectories(PageSweep.SCREENS);
        Files.writeString(PageSweep.SCREENS.resolve("findings.txt"), "== " + visitor + ": " + (System.nanoTime() - started) / 1_000_000
                + " ms (" + sweep.timings() + ")\n" + (report.isEmpty() ? "no findings\n" : report)
                + (notes.isEmpty() ? "" : "-- not failing:\n" + report(notes)),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(report).as("layout and accessibility findings for %s; screenshots in %s", visitor,
                PageSweep.SCREENS.toAbsolutePath()).isEmpty();
    }

    private static void record(Map<String, List<String>> findings, Visitor visitor, String page, Size size, List<String> problems) {
        if (!problems.isEmpty()) {
            findings.put(visitor.name().toLowerCase() + " " + page + " @" + size.width(), problems);
        }
    }

    private static String report(Map<String, List<String>> findings) {
        StringBuilder out = new StringBuilder();
        findings.forEach((page, problems) -> {
            out.append(page).append(":\n");
            problems.forEach(p -> out.append("    ").append(p).append('\n'));
        });
        return out.toString();
    }

    @Test
    @DisplayName("the layout check reports a button off screen, a cut cell, a button behind a grid's sideways scroll, and nothing hidden")
    void theLayoutCheckCanFail() {
        PageSweep sweep = new PageSweep(browser.driver(), baseUrl(), "self-test").resizeTo(LAPTOP);
        new LoginPage(browser.driver(), baseUrl()).open()
                .signInExpecting(DemoAccounts.PATIENT.username(), DemoAccounts.PATIENT.password(), "patient-home");
        sweep.open("patient/access-log", "access-log-grid");
        List<LayoutCheck.Problem> before = LayoutCheck.problemsOf(browser.driver(), false);

        js("""
                const view = document.getElementById('access-log');
                view.appendChild(markup('<vaadin-button id="injected-off-screen" style="position: relative; left: 1600px">Off screen</vaadin-button>'));
                // what must not count: a hidden button, and a skip link for screen readers, visually hidden off screen
                view.appendChild(markup('<vaadin-button id="injected-hidden" hidden style="margin-left: 3000px">Hidden</vaadin-button>'));
                view.appendChild(markup('<span style="position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden">'
                    + '<a id="injected-skip-link" href="#access-log-grid">Skip to the list</a></span>'));
                const cut = 'white-space: nowrap; overflow: hidden; text-overflow: ellipsis; width: 60px';
                const row = bodyCells()[0];
                row[0].appendChild(markup('<div style="' + cut + '">Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet</div>'));
                row[1].appendChild(markup('<div style="' + cut + '" title="Chronic kidney disease stage 1 (disorder)">Chronic kidney disease stage 1 (disorder)</div>'));
                """);
        List<LayoutCheck.Problem> laptop = LayoutCheck.problemsOf(browser.driver(), false);
        List<LayoutCheck.Problem> phone = LayoutCheck.problemsOf(browser.driver(), true);

        assertThat(added(before, laptop)).as("what the injected markup adds at laptop width").hasSize(3)
                .anySatisfy(p -> assertThat(p.toString()).startsWith("off-screen: vaadin-button#injected-off-screen"))
                .anySatisfy(p -> assertThat(p.toString()).startsWith("page-wider: the content area").contains("scrolls sideways"))
                .anySatisfy(p -> assertThat(p.toString()).startsWith("cut: cell").contains("Amoxicillin 250 MG").contains("no tooltip"));
        assertThat(added(before, phone)).as("on a phone, where the tooltip does not count").hasSize(4)
                .anySatisfy(p -> assertThat(p.toString()).startsWith("cut: cell").contains("Chronic kidney disease").contains("a phone has no tooltips"));

        // a first column too wide for the grid pushes the last one, with its button, behind the grid's sideways scroll
        js("""
                // (a column frozen to the end stays in sight, so the button goes to the last one that scrolls)
                const scrolling = bodyCells()[0].filter(c => !c.assignedSlot.parentElement._column.frozenToEnd);
                scrolling[scrolling.length - 1].appendChild(markup('<vaadin-button id="injected-behind-scroll">Revoke</vaadin-button>'));
                const grid = document.getElementById('access-log-grid');
                const first = Array.from(grid.querySelectorAll('vaadin-grid-column')).find(c => !c.hidden);
                first.flexGrow = 0;
                first.width = '2000px';
                """);
        new WebDriverWait(browser.driver(), PageObject.TIMEOUT, PageObject.POLL).until(d -> Boolean.TRUE.equals(js(
                "const t = document.getElementById('access-log-grid').shadowRoot.getElementById('table');"
                        + " return t.scrollWidth > t.clientWidth + 1000;")));
        assertThat(added(laptop, LayoutCheck.problemsOf(browser.driver(), false)))
                .anySatisfy(p -> assertThat(p.toString()).startsWith("off-screen: vaadin-button#injected-behind-scroll")
                        .contains("clipped by the grid's sideways scroll"));
    }

    /** Runs a script with two helpers: markup(html) makes an element, bodyCells() the shown cells of the access log's rows, in column order. */
    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript("""
                const markup = (html) => { const d = document.createElement('div'); d.innerHTML = html; return d.firstElementChild; };
                const bodyCells = () => {
                    const rows = new Map();
                    for (const c of document.querySelectorAll('#access-log-grid > vaadin-grid-cell-content')) {
                        const td = c.assignedSlot && c.assignedSlot.parentElement;
                        if (td && td.parentElement.parentElement.id === 'items' && !td.parentElement.hidden
                                && c.getClientRects().length > 0 && c.textContent.trim()) {
                            rows.set(td.parentElement, [...(rows.get(td.parentElement) || []), c]);
                        }
                    }
                    const column = (c) => c.assignedSlot.parentElement.cellIndex;
                    return [...rows.values()].map(cells => cells.sort((a, b) => column(a) - column(b)));
                };
                """ + script);
    }

    private static List<LayoutCheck.Problem> added(List<LayoutCheck.Problem> before, List<LayoutCheck.Problem> after) {
        List<LayoutCheck.Problem> added = new ArrayList<>(after);
        added.removeAll(before);
        return added;
    }

    @Test
    @DisplayName("axe reports an image without text and a button without a name, and injecting it breaks no security policy")
    void theAxeCheckCanFail() {
        new PageSweep(browser.driver(), baseUrl(), "self-test").resizeTo(LAPTOP).open("register", "register-view");
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const img = document.createElement('img');
                img.id = 'injected-no-alt';
                img.src = '/icons/icon.png';
                document.body.appendChild(img);
                const button = document.createElement('button');
                button.id = 'injected-nameless';
                document.body.appendChild(button);
                """);

        List<AxeCheck.Violation> found = AxeCheck.violationsOf(browser.driver());

        assertThat(found)
                .anySatisfy(v -> assertThat(v.toString()).startsWith("image-alt [critical]").contains("#injected-no-alt").contains("dequeuniversity.com"))
                .anySatisfy(v -> assertThat(v.toString()).startsWith("button-name [critical]").contains("#injected-nameless"));
        assertThat(browser.takePolicyViolations()).as("axe injected through WebDriver, under the portal's CSP").isEmpty();
    }
}
