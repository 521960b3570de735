package org.careledger.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.careledger.Await;
import org.careledger.CareLedgerApplication;
import org.careledger.contracts.ConsentQueries;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.records.DoctorConsent;
import org.careledger.HeadlessApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child process of {@link InboxEventsCrashTest}: the whole application on a data directory. In
 * {@code request} mode the demo doctor asks the demo patient for access, and {@link HaltAfterCommit}
 * kills the process just after that commit, before the inbox has told the patient. In {@code check}
 * mode it starts again, waits until nothing is left to deliver, and prints what the patient's inbox
 * and the ledger hold.
 */
public final class EventsCrashDriver {

    public static void main(String[] args) {
        String dataDir = args[0];
        boolean check = args[1].equals("check");
        System.setProperty(HaltAfterCommit.PROPERTY, Boolean.toString(!check));
        ConfigurableApplicationContext app = HeadlessApplication.builder(CareLedgerApplication.class, HaltAfterCommit.class)
                .profiles("demo")
                .run("--careledger.data-dir=" + dataDir, "--careledger.demo.records=false", "--server.port=0",
                        "--logging.level.root=warn", "--spring.main.banner-mode=off");
        LedgerService ledger = app.getBean(LedgerService.class);
        UserDirectory directory = app.getBean(UserDirectory.class);
        UserProfile doctor = directory.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        UserProfile patient = directory.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        Await.orExit(() -> ledger.refusal().isEmpty() && Registry.roleOf(ledger.committedState().view(), patient.ledgerAddress()).isPresent()
                && Registry.roleOf(ledger.committedState().view(), doctor.ledgerAddress()).isPresent());
        if (!check) {
            TestAccounts.as(doctor, () -> app.getBean(DoctorConsent.class).requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                    Set.of(RecordCategory.ALLERGY), Duration.ofDays(3), null));
            System.out.println("NOT HALTED");
            System.exit(1);
        }
        Inbox inbox = app.getBean(Inbox.class);
        String title = "Access request from " + doctor.fullName();
        Await.orExit(() -> TestAccounts.as(patient, inbox::mine).stream().anyMatch(m -> m.title().equals(title))
                && !ConsentQueries.requestsOf(ledger.committedState(), patient.ledgerAddress(), System.currentTimeMillis()).isEmpty());
        List<InboxMessage> messages = TestAccounts.as(patient, inbox::mine);
        System.out.println("NOTIFIED " + messages.stream().filter(m -> m.title().equals(title)).count());
        System.out.println("REQUESTS " + ConsentQueries.requestsOf(ledger.committedState(), patient.ledgerAddress(),
                System.currentTimeMillis()).stream().filter(r -> r.request().doctor().equals(doctor.ledgerAddress())).count());
        Integer left = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Integer.class);
        System.out.println("UNDELIVERED " + left);
        System.out.flush();
        app.close();
        System.exit(0);
    }

    private EventsCrashDriver() {
    }
}
