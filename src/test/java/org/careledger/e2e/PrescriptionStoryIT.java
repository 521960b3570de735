package org.careledger.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerSettings;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.pharmacy.Prescribing;
import org.careledger.provider.Providers;
import org.careledger.records.DoctorConsent;
import org.careledger.records.PatientConsent;
import org.careledger.records.RequestId;
import org.careledger.registry.ProviderAccounts;
import org.careledger.wallet.TestFunding;
import org.careledger.common.TokenAmount;
import org.careledger.wallet.WalletService;
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
 * The prescription story of issue 13 in a real browser, with a fresh doctor, patient and pharmacist
 * (so no other story can interfere): the doctor prescribes from the patient's record, the patient
 * sees it and its QR code, the pharmacist scans a photo of the code and dispenses, the invoice
 * appears in the patient's wallet, the patient pays, the pharmacist sees it paid in the payment's
 * block, and the money moved: out of the patient's wallet (total and fee) and into the pharmacy's
 * account on the admin's Providers page. The consent is given through the services (the records
 * story walks it in the browser), and the patient is funded by the admin's wallet as the wallet
 * tests are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrescriptionStoryIT extends IntegrationTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    /** lisinopril 10 MG Oral Tablet, 0.91 tokens a unit in the catalogue. */
    private static final String LISINOPRIL = "314076";
    private static final String LISINOPRIL_NAME = "lisinopril 10 MG Oral Tablet";
    private static final long TABLETS = 2;
    private static final long TWO_TOKENS = 2 * TestFunding.ONE_TOKEN;
    private static final Pattern QR_PAYLOAD = Pattern.compile("careledger:rx:[0-9a-f-]{36}\\?s=[0-9a-f]{64}&v=1");
    private static final Pattern FEE = Pattern.compile("a fee of ([\\d,.]+)");

    @LocalServerPort
    int port;

    private long started;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    LedgerService ledger;

    @Autowired
    DoctorConsent doctorConsent;

    @Autowired
    PatientConsent patientConsent;

    @Autowired
    Prescribing prescribing;

    @Autowired
    WalletService wallet;

    @Autowired
    Providers providers;

    @Autowired
    ProviderAccounts providerAccounts;

    private WebDriver driver() {
        return browser.driver();
    }

    private String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    private void signIn(UserProfile user, String homeId) {
        new LoginPage(driver(), baseUrl()).open().signInExpecting(user.username(), TestAccounts.PASSWORD, homeId);
    }

    /** Signs out and the next user in on the login page the sign-out lands on. */
    private void switchTo(UserProfile user, String homeId) {
        new PortalShell(driver(), baseUrl()).signOut().signInExpecting(user.username(), TestAccounts.PASSWORD, homeId);
    }

    /** Prints how long the story has run at each step, for the time budget (90 s). */
    private void step(String what) {
        System.out.printf("PrescriptionStoryIT: %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    @Test
    @DisplayName("doctor prescribes → patient sees it and its QR → pharmacist scans the photo and dispenses → patient pays the invoice → pharmacist sees it paid → the tokens moved")
    void thePrescriptionStory() throws IOException {
        long setUp = System.nanoTime();
        TestAccounts accounts = new TestAccounts(ctx);
        UserProfile doctor = accounts.active(Role.DOCTOR);
        UserProfile patient = accounts.active(Role.PATIENT);
        UserProfile pharmacist = accounts.active(Role.PHARMACIST);
        String pharmacyName = providers.find(accounts.pharmacyId()).orElseThrow().name();
        Address pharmacyAccount = providerAccounts.addressOf(accounts.pharmacyId()).orElseThrow();
        awaitOnLedger(doctor, patient, pharmacist);
        Await.until("the pharmacist is affiliated with their pharmacy on the ledger",
                () -> Registry.pharmacyOf(ledger.committedState().view(), pharmacist.ledgerAddress()).isPresent());
        fundWithTwoTokens(patient);
        grantMedication(doctor, patient);
        String address = patient.ledgerAddress().toString();
        // the figure the admin's Providers page shows now (read from the same state, to spare the story a sign-in)
        long pharmacyBefore = Tokens.balanceOf(ledger.committedState().view(), pharmacyAccount);
        started = System.nanoTime();
        System.out.printf("PrescriptionStoryIT: the set-up (accounts, funding, consent) took %.1f s%n", (started - setUp) / 1e9);

        // the doctor prescribes from the patient's record
        signIn(doctor, "doctor-home");
        step("the doctor signed in");
        PrescribePage prescribe = new PrescribePage(driver(), baseUrl()).openFromRecordOf(address)
                .chooseMedicine(LISINOPRIL, LISINOPRIL_NAME)
                .fillIn("1 tablet", "once a day", 2, (int) TABLETS, "I10", "Essential (primary) hypertension");
        assertThat(prescribe.showsWarnings()).as("nothing to warn about for a new patient").isFalse();
        // "On its way to the ledger" first, but a block may come within the click's round trip: then "Issued" at once
        assertThat(prescribe.submitAndReadFirstState(LISINOPRIL_NAME)).isIn("On its way to the ledger", "Issued");
        assertThat(prescribe.awaitState(LISINOPRIL_NAME, "Issued")).anySatisfy(cell -> assertThat(cell).matches(".*block \\d+"));

        // the patient sees it and its QR code
        step("prescribed and issued");
        switchTo(patient, "patient-home");
        MyPrescriptionsPage mine = new MyPrescriptionsPage(driver(), baseUrl()).open();
        List<String> active = mine.awaitActive(LISINOPRIL_NAME, "Issued");
        assertThat(String.join(" | ", active)).contains("1 tablet, Oral, once a day, for 2 days")
                .contains("2 per fill, 0 refills; 2 of 2 left").contains(doctor.fullName()).contains("None yet");
        MyPrescriptionsPage.QrDialog qr = mine.showQrCode();
        String payload = qr.payload();
        assertThat(payload).matches(QR_PAYLOAD);
        Path photo = MyRecordPage.tempCopy(qr.imageBytes(), "prescription-qr.png");
        qr.close();

        try {
            // the pharmacist scans the photo of the code and dispenses
            step("the patient saw it and its QR code");
            switchTo(pharmacist, "pharmacist-home");
            DispensePage dispense = new DispensaryPage(driver(), baseUrl()).open().scanPhoto(photo);
            assertThat(driver().getCurrentUrl()).as("the code opened its prescription")
                    .endsWith("pharmacist/prescriptions/" + payload.substring("careledger:rx:".length(), payload.indexOf('?')));
            assertThat(dispense.detailsText()).contains(patient.fullName()).contains(LISINOPRIL_NAME).contains(doctor.fullName())
                    .contains("ICD-10 I10 Essential (primary) hypertension");
            long unitPrice = dispense.unitPrice();
            assertThat(dispense.proposedQuantity()).isEqualTo(TABLETS);
            dispense.dispense(TABLETS, "LOT-2026/17", LocalDate.now().plusYears(1));
            String open = dispense.awaitFillStatus("Dispensed in block \\d+; invoice open");
            long total = TokenText.baseUnits(dispense.fillRow().stream().filter(c -> c.endsWith("tokens")).findFirst().orElseThrow());
            assertThat(total).as("the invoice: %d tablets at the price the page showed", TABLETS).isEqualTo(TABLETS * unitPrice);

            // the invoice is in the patient's wallet; the patient pays it
            step("dispensed, invoice open");
            switchTo(patient, "patient-home");
            WalletPage walletPage = new WalletPage(driver(), baseUrl()).open();
            String invoice = walletPage.onlyInvoice();
            assertThat(walletPage.invoiceText(invoice)).contains("from " + pharmacyName).contains(LISINOPRIL_NAME + ": " + TABLETS + " × "
                    + TokenAmount.format(unitPrice) + " = " + new TokenAmount(total));
            assertThat(walletPage.invoiceTotal(invoice)).isEqualTo(total);
            assertThat(walletPage.invoiceStatus(invoice)).isEqualTo("open");
            long before = walletPage.balance();
            String sums = walletPage.askToPay(invoice);
            Matcher feeShown = FEE.matcher(sums);
            assertThat(feeShown.find()).as("the confirmation names the fee: %s", sums).isTrue();
            long fee = TokenText.baseUnits(feeShown.group(1));
            assertThat(sums).contains(new TokenAmount(before - total - fee) + " will be left to spend");
            walletPage.confirmPayment(invoice, "paid in block \\d+");
            String paidIn = walletPage.invoiceStatus(invoice).replace("paid in ", "");
            assertThat(walletPage.offersReceipt(invoice)).isTrue();
            walletPage.awaitBalance(before - total - fee);
            List<String> payment = walletPage.historyRow("to " + pharmacyName);
            assertThat(payment).contains("in " + paidIn, "−" + TokenAmount.format(total), TokenAmount.format(fee));

            // the pharmacist sees it paid, in the payment's block, from the work queue
            step("paid");
            switchTo(pharmacist, "pharmacist-home");
            String shortId = payload.substring("careledger:rx:".length(), "careledger:rx:".length() + 8);
            DispensaryPage home = new DispensaryPage(driver(), baseUrl()).open();
            assertThat(home.queueRow(patient.fullName())).contains(LISINOPRIL_NAME, "Completed")
                    .anySatisfy(cell -> assertThat(cell).endsWith("; paid in " + paidIn));
            DispensePage again = home.openFromQueue(shortId);
            assertThat(again.awaitFillStatus("Dispensed in block \\d+; paid in block \\d+"))
                    .startsWith(open.replace("; invoice open", "")).endsWith("; paid in " + paidIn);

            // and the pharmacy's account holds the total more
            step("the pharmacist saw it paid");
            new PortalShell(driver(), baseUrl()).signOut().signInExpecting(DemoAccounts.ADMIN.username(), DemoAccounts.ADMIN.password(),
                    "admin-home");
            assertThat(new ProvidersPage(driver(), baseUrl()).open().balanceOfAccount(pharmacyAccount.toString()))
                    .isEqualTo(pharmacyBefore + total);
        } finally {
            Files.deleteIfExists(photo);
            Files.deleteIfExists(photo.getParent());
        }
        step("the pharmacy's balance rose by the total: the end");
    }

    private void awaitOnLedger(UserProfile... users) {
        for (UserProfile user : users) {
            Await.until(user.fullName() + " is on the ledger's registry", Duration.ofSeconds(60),
                    () -> Registry.roleOf(ledger.committedState().view(), user.ledgerAddress()).isPresent());
        }
    }

    /** The admin sends what tops the patient's welcome up to two tokens: enough for two tablets and the fee. */
    private void fundWithTwoTokens(UserProfile patient) {
        long rest = TWO_TOKENS - ctx.getBean(LedgerSettings.class).welcomeBaseUnits();
        TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, () -> wallet.send(patient.ledgerAddress().toString(), TokenAmount.format(rest)));
        Await.until("the patient holds two tokens", Duration.ofSeconds(60),
                () -> Tokens.balanceOf(ledger.committedState().view(), patient.ledgerAddress()) == TWO_TOKENS);
    }

    /** The doctor asks for MEDICATION and the patient grants it, through the services. */
    private void grantMedication(UserProfile doctor, UserProfile patient) {
        Set<RecordCategory> medication = Set.of(RecordCategory.MEDICATION);
        LedgerReceipt request = TestAccounts.as(doctor, () -> doctorConsent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                medication, Duration.ofDays(7), "Blood pressure"));
        Await.until("the patient sees the request", () -> TestAccounts.as(patient, () -> patientConsent.myRequests()).stream()
                .anyMatch(r -> r.requestId().value().equals(request.txId())));
        TestAccounts.as(patient, () -> patientConsent.grant(new RequestId(request.txId()), medication, Duration.ofDays(7)));
        Await.until("the grant is mined", () -> TestAccounts.as(doctor, () -> prescribing.mayPrescribe(patient.ledgerAddress())));
    }
}
