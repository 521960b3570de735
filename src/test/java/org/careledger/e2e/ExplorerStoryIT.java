package org.careledger.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.DevAccounts;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.node.LedgerService;
import org.careledger.records.DoctorConsent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer and the consortium console in a real browser, as an admin: the overview shows a new
 * block arrive without a reload; the search box finds a patient's consent transaction by its id; its
 * page says in which block it is, and that block's page lists it; its proof bundle, downloaded from
 * the page, is valid on the "Verify a proof" page; on the console, one node's sealing is paused and
 * the chain goes on (the others seal, the paused node follows), then it is resumed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerStoryIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    LedgerService ledger;

    @Autowired
    org.careledger.node.ConsortiumControl control;

    @Autowired
    DoctorConsent doctorConsent;

    private long started;

    private WebDriver driver() {
        return browser.driver();
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    private void step(String what) {
        System.out.printf("ExplorerStoryIT: %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    /** A token transfer between two dev accounts, so that a block comes; returns the height it is committed at. */
    private long aNewBlock() {
        var from = DevAccounts.ganacheAccount(8);
        Transaction tx = ledger.submit(from, Tokens.transfer(DevAccounts.ganacheAccount(9).address(), 1), 1000);
        return ledger.awaitCommitted(tx.id(), Duration.ofSeconds(60));
    }

    @Test
    @DisplayName("admin: a new block arrives on the overview without a reload → a patient's consent transaction found by its id → "
            + "its block → its proof downloaded and valid → one node's sealing paused and the chain goes on")
    void theExplorerStory() throws Exception {
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        Await.until("the doctor and the patient are on the registry", Duration.ofSeconds(60),
                () -> Registry.roleOf(ledger.committedState().view(), doctor.ledgerAddress()).isPresent()
                        && Registry.roleOf(ledger.committedState().view(), patient.ledgerAddress()).isPresent());
        Hash consent = TestAccounts.as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                Set.of(RecordCategory.LAB_RESULT), Duration.ofDays(30), null)).txId();
        long consentBlock = ledger.awaitCommitted(consent, Duration.ofSeconds(60));
        started = System.nanoTime();

        // the overview: a new block arrives while the admin watches, without a reload
        new LoginPage(driver(), baseUrl()).open().signInExpecting(DemoAccounts.ADMIN.username(), DemoAccounts.ADMIN.password(),
                "admin-home");
        new PortalShell(driver(), baseUrl()).openFromNavigation("Explorer", "explorer");
        ExplorerPage explorer = new ExplorerPage(driver(), baseUrl()).waitUntilShown().markWindow();
        long before = explorer.height();
        step("the admin opened the explorer at height " + before);
        long mined = aNewBlock();
        assertThat(mined).isGreaterThan(before);
        explorer.awaitHeightAtLeast(mined);
        assertThat(explorer.windowStillMarked()).as("the page was updated in place, not reloaded").isTrue();
        step("block " + mined + " appeared without a reload");

        // the patient's consent transaction, found by its id, in its block
        explorer.search(consent.hex());
        assertThat(explorer.awaitTransactionStatus("in block \\d+")).isEqualTo("in block " + consentBlock);
        assertThat(explorer.transactionCall()).contains("consent").contains("request");
        String proof = explorer.downloadProof(consent.shortHex());
        assertThat(proof).contains("\"transaction\"").contains(ledger.genesis().chainId() + "");
        assertThat(explorer.openBlockOfTransaction()).isEqualTo(consentBlock);
        assertThat(explorer.blockPageText()).contains(consent.shortHex());
        step("found the consent transaction and its block " + consentBlock);

        // its proof, checked on the Verify page
        Path file = Files.createTempFile("careledger-proof-", ".json");
        try {
            Files.writeString(file, proof, StandardCharsets.UTF_8);
            String verdict = new VerifyProofPage(driver(), baseUrl()).open().verify(file);
            assertThat(verdict).startsWith("Valid").contains("block " + consentBlock);
        } finally {
            Files.deleteIfExists(file);
        }
        step("the downloaded proof is valid");

        // the console: one node stops sealing, the chain goes on and the node follows it
        String node = control.nodeNames().get(1);
        ConsortiumPage console = new ConsortiumPage(driver(), baseUrl()).open();
        try {
            console.pause(node);
            step(node + " paused");
            long next = aNewBlock();
            console.awaitHeightAtLeast(control.nodeNames().get(0), next).awaitHeightAtLeast(node, next);
            assertThat(ledger.blockAt(next).orElseThrow().header().sealer()).as("sealed by another node")
                    .isNotEqualTo(control.nodes().get(1).sealer());
            step("block " + next + " sealed by another node; the paused node follows");
            console.resume(node);
        } finally {
            control.resumeSealing(node);
        }
        step("resumed: the end");
    }
}
