package org.careledger.pharmacy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.careledger.Await;
import org.careledger.CareLedgerApplication;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Invoice;
import org.careledger.contracts.InvoiceQueries;
import org.careledger.contracts.PrescriptionQueries;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Transaction;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.internal.OutboxRow;
import org.careledger.outbox.internal.OutboxRows;
import org.careledger.records.DoctorConsent;
import org.careledger.records.PatientConsent;
import org.careledger.records.RequestId;
import org.careledger.registry.ProviderAccounts;
import org.careledger.wallet.Invoicing;
import org.careledger.wallet.WalletInvoice;
import org.careledger.HeadlessApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child process of {@link PrescriptionCrashTest}: the whole demo application on a data
 * directory, either working until it is killed (the demo pharmacist dispenses one tablet at a time
 * from the demo patient's prescriptions, and the patient pays each invoice once it is open, each
 * step printed the moment the service returned), or, in {@code check} mode, starting, letting the
 * outbox settle, and printing what the portal's rows and the chain hold.
 *
 * <pre>
 * READY    &lt;supply&gt; &lt;patient balance&gt; &lt;pharmacy balance&gt; &lt;patient's fees so far&gt;   (work, once set up)
 * DISPENSING &lt;prescription&gt;                                    (work, before the call)
 * DISPENSED &lt;fill id&gt; &lt;tx id or -&gt; &lt;receipt status&gt;             (work, the service returned)
 * PAYING   &lt;invoice&gt;                                             (work, before the call)
 * PAID     &lt;invoice&gt; &lt;receipt status&gt;                              (work, the service returned)
 * FILL     &lt;fill id&gt; &lt;chain id or -&gt; &lt;block or -&gt; &lt;block millis or -&gt; &lt;refused?&gt;   (check)
 * INVOICE  &lt;id&gt; &lt;state&gt; &lt;total&gt; &lt;payer&gt; &lt;payee&gt; &lt;payment tx or -&gt; &lt;payment block millis or -&gt;  (check)
 * PAYMENT  &lt;tx id&gt; &lt;fee&gt;                                         (check: each invoices.pay the patient's key has in a block)
 * ACCOUNTS / SUPPLY / BALANCES / FEES / OUTBOX_REFUSED ...                                 (check)
 * </pre>
 */
public final class PrescriptionCrashDriver {

    /** lisinopril 10 MG Oral Tablet: 0.91 tokens a unit in the demo catalogue. */
    private static final String LISINOPRIL = "314076";
    private static final int PRESCRIPTIONS = 3;

    /**
     * The work mode whose process kills itself with SIGKILL right after a payment's service call returned,
     * once it has dispensed in this run: the test's own kill, read from this process's output, can come
     * half a second later on a busy machine, by when the payment is mined and nothing is in flight any more.
     */
    static final String KILL_AFTER_PAYMENT = "work-until-paid";

    public static void main(String[] args) {
        String dataDir = args[0];
        boolean check = args.length > 1 && args[1].equals("check");
        ConfigurableApplicationContext app = HeadlessApplication.builder(CareLedgerApplication.class).profiles("demo")
                .run("--careledger.data-dir=" + dataDir, "--careledger.demo.records=false", "--server.port=0",
                        "--careledger.ledger.welcome-tokens=100", "--logging.level.root=warn", "--spring.main.banner-mode=off");
        LedgerService ledger = app.getBean(LedgerService.class);
        OutboxRows outbox = app.getBean(OutboxRows.class);
        UserDirectory directory = app.getBean(UserDirectory.class);
        UserProfile doctor = directory.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        UserProfile patient = directory.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        UserProfile pharmacist = directory.findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow();
        ProviderAccounts accounts = app.getBean(ProviderAccounts.class);
        Await.orExit(() -> ledger.refusal().isEmpty() && accounts.addressOf(pharmacist.providerId()).isPresent()
                && Registry.roleOf(ledger.committedState().view(), patient.ledgerAddress()).isPresent()
                && Registry.roleOf(ledger.committedState().view(), doctor.ledgerAddress()).isPresent()
                && Registry.pharmacyOf(ledger.committedState().view(), pharmacist.ledgerAddress()).isPresent()
                && Tokens.balanceOf(ledger.committedState().view(), patient.ledgerAddress()) > 0);
        Address pharmacy = accounts.addressOf(pharmacist.providerId()).orElseThrow();
        if (check) {
            Await.orExit(() -> outbox.findByStatusInOrderByIdAsc(List.of(OutboxRow.Status.QUEUED, OutboxRow.Status.PENDING)).isEmpty());
            report(app, ledger, outbox, patient, pharmacy);
            app.close();
            System.exit(0);
        }
        Driver driver = new Driver(app, doctor, patient, pharmacist);
        driver.setUp();
        Await.orExit(() -> outbox.findByStatusInOrderByIdAsc(List.of(OutboxRow.Status.QUEUED, OutboxRow.Status.PENDING)).isEmpty());
        ContractState state = ledger.committedState();
        println("READY " + Tokens.supply(state) + " " + Tokens.balanceOf(state.view(), patient.ledgerAddress()) + " "
                + Tokens.balanceOf(state.view(), pharmacy) + " " + feesOf(ledger, patient.ledgerAddress()));
        driver.work(args.length > 1 && args[1].equals(KILL_AFTER_PAYMENT));
    }

    /** The work of one round, until the process is killed. */
    private static final class Driver {

        private final ConfigurableApplicationContext app;
        private final UserProfile doctor;
        private final UserProfile patient;
        private final UserProfile pharmacist;
        private final Prescribing prescribing;
        private final PatientPrescriptions patientPrescriptions;
        private final Dispensary dispensary;
        private final Invoicing invoicing;
        private final PrescriptionRows rows;

        Driver(ConfigurableApplicationContext app, UserProfile doctor, UserProfile patient, UserProfile pharmacist) {
            this.app = app;
            this.doctor = doctor;
            this.patient = patient;
            this.pharmacist = pharmacist;
            this.prescribing = app.getBean(Prescribing.class);
            this.patientPrescriptions = app.getBean(PatientPrescriptions.class);
            this.dispensary = app.getBean(Dispensary.class);
            this.invoicing = app.getBean(Invoicing.class);
            this.rows = app.getBean(PrescriptionRows.class);
        }

        /** The doctor holds the patient's consent to MEDICATION, and the patient has a few prescriptions sent to the pharmacy. */
        void setUp() {
            Address patientAddress = patient.ledgerAddress();
            if (!TestAccounts.as(doctor, () -> prescribing.mayPrescribe(patientAddress))) {
                DoctorConsent doctorConsent = app.getBean(DoctorConsent.class);
                PatientConsent consent = app.getBean(PatientConsent.class);
                LedgerReceipt request = TestAccounts.as(doctor, () -> doctorConsent.requestAccess(patientAddress, Purpose.TREATMENT,
                        Set.of(RecordCategory.MEDICATION), Duration.ofDays(30), null));
                RequestId requestId = new RequestId(request.txId());
                Await.orExit(() -> TestAccounts.as(patient, consent::myRequests).stream().anyMatch(r -> r.requestId().equals(requestId)));
                TestAccounts.as(patient, () -> consent.grant(requestId, Set.of(RecordCategory.MEDICATION), Duration.ofDays(30)));
                Await.orExit(() -> TestAccounts.as(doctor, () -> prescribing.mayPrescribe(patientAddress)));
            }
            long usable = mine().stream().filter(v -> v.state().dispensable() && v.remaining() > 5).count();
            for (long i = usable; i < PRESCRIPTIONS; i++) {
                TestAccounts.as(doctor, () -> prescribing.prescribe(patientAddress, new PrescriptionDraft(LISINOPRIL, "1 tablet", "Oral",
                        "once a day", 30, 30L, 0, null, null, "ICD-10", "I10", "Essential (primary) hypertension",
                        "Kept on the same medicine while the crash test dispenses it")));
            }
            Await.orExit(() -> mine().stream().noneMatch(v -> v.state() == RxState.ON_ITS_WAY));
            long pharmacyId = pharmacist.providerId();
            for (PrescriptionView v : mine()) {
                if (v.state().dispensable()) {
                    TestAccounts.as(patient, () -> patientPrescriptions.sendTo(v.id(), pharmacyId));
                }
            }
        }

        /** Dispenses one tablet of each prescription that has no fill on its way, then pays every open invoice; again and again. */
        void work(boolean killAfterPayment) {
            boolean dispensed = false;
            LocalDate packExpiry = LocalDate.now().plusYears(1);
            while (true) {
                for (PrescriptionView v : mine()) {
                    if (!v.state().dispensable() || v.remaining() < 1 || rows.fillsOf(v.id()).stream().anyMatch(PrescriptionRows.FillRow::inFlight)) {
                        continue;
                    }
                    println("DISPENSING " + v.id());
                    try {
                        LedgerReceipt receipt = TestAccounts.as(pharmacist, () -> dispensary.dispense(v.id(), 1L, "LOT-CRASH/1", packExpiry));
                        String fillId = rows.fillsOf(v.id()).get(0).id();
                        println("DISPENSED " + fillId + " " + (receipt.txId() == null ? "-" : receipt.txId().hex()) + " " + receipt.status());
                        dispensed = true;
                    } catch (OperationNotAllowedException e) {
                        println("SKIPPED " + v.id() + " " + e.getMessage());
                    }
                }
                for (WalletInvoice invoice : TestAccounts.as(patient, invoicing::myInvoices)) {
                    if (invoice.payable()) {
                        println("PAYING " + invoice.id().hex());
                        LedgerReceipt receipt = TestAccounts.as(patient, () -> invoicing.payInvoice(invoice.id()));
                        println("PAID " + invoice.id().hex() + " " + receipt.status());
                        if (killAfterPayment && dispensed) {
                            killThisProcess();
                        }
                    }
                }
                pause(50);
            }
        }

        private List<PrescriptionView> mine() {
            return TestAccounts.as(patient, patientPrescriptions::mine);
        }
    }

    private static void report(ConfigurableApplicationContext app, LedgerService ledger, OutboxRows outbox, UserProfile patient,
                               Address pharmacy) {
        PrescriptionRows rows = app.getBean(PrescriptionRows.class);
        ContractState state = ledger.committedState();
        for (PrescriptionView v : TestAccounts.as(patient, app.getBean(PatientPrescriptions.class)::mine)) {
            for (PrescriptionRows.FillRow f : rows.fillsOf(v.id())) {
                String millis = f.chainId() == null ? "-" : PrescriptionQueries.fill(state, f.chainId())
                        .map(x -> String.valueOf(x.dispensed().millis())).orElse("-");
                println("FILL " + f.id() + " " + (f.chainId() == null ? "-" : f.chainId().hex()) + " "
                        + (f.blockHeight() == null ? "-" : f.blockHeight()) + " " + millis + " " + (f.refused() == null ? "-" : "REFUSED"));
            }
        }
        for (Invoice i : InvoiceQueries.byPayer(state, patient.ledgerAddress())) {
            println("INVOICE " + i.id().hex() + " " + i.state() + " " + i.total() + " " + i.payer() + " " + i.payee() + " "
                    + i.payment().map(p -> p.txId().hex()).orElse("-") + " " + i.payment().map(p -> String.valueOf(p.at().millis())).orElse("-"));
        }
        for (Transaction tx : ledger.sentBy(patient.ledgerAddress())) {
            if (tx.call().contract().equals("invoices") && tx.call().method().equals("pay")) {
                println("PAYMENT " + tx.id().hex() + " " + tx.fee());
            }
        }
        println("ACCOUNTS " + patient.ledgerAddress() + " " + pharmacy);
        println("SUPPLY " + Tokens.supply(state));
        println("BALANCES " + Tokens.balanceOf(state.view(), patient.ledgerAddress()) + " " + Tokens.balanceOf(state.view(), pharmacy));
        println("FEES " + feesOf(ledger, patient.ledgerAddress()) + " " + feesOf(ledger, pharmacy));
        for (OutboxRow r : outbox.findByStatusInOrderByIdAsc(List.of(OutboxRow.Status.REFUSED))) {
            println("OUTBOX_REFUSED " + r.getKind() + " " + r.getRelatedId() + " " + r.getRefusalRule() + " " + r.getError());
        }
    }

    /** What {@code account}'s transactions in blocks paid in fees. */
    private static long feesOf(LedgerService ledger, Address account) {
        return ledger.sentBy(account).stream().mapToLong(Transaction::fee).reduce(0, Math::addExact);
    }

    /** SIGKILL to this very process (the JVM may not destroy itself that way), at once: no shutdown hook, no flush. */
    private static void killThisProcess() {
        try {
            new ProcessBuilder("sh", "-c", "kill -KILL " + ProcessHandle.current().pid()).start().waitFor();
            Thread.sleep(60_000);
        } catch (IOException | InterruptedException e) {
            // no shell to send it: halting is as abrupt for the portal's own state
        }
        Runtime.getRuntime().halt(137);
    }

    private static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private PrescriptionCrashDriver() {
    }
}
