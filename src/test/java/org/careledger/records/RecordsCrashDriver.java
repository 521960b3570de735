package org.careledger.records;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.careledger.Await;
import org.careledger.CareLedgerApplication;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.internal.OutboxRow;
import org.careledger.outbox.internal.OutboxRows;
import org.careledger.HeadlessApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child process of {@link RecordsCrashTest}: the whole application on a data directory, either
 * working (the demo patient adds notes, the demo doctor reads them, each completed step printed at
 * once) until it is killed, or, in {@code check} mode, starting, letting the outbox settle, and
 * printing what the record and the ledger hold.
 */
public final class RecordsCrashDriver {

    public static void main(String[] args) {
        String dataDir = args[0];
        boolean check = args.length > 1 && args[1].equals("check");
        // demo, or demo,postgres for PostgresRecordsCrashTest (which gives the database as system properties)
        ConfigurableApplicationContext app = HeadlessApplication.builder(CareLedgerApplication.class)
                .profiles(System.getProperty("careledger.crash.profiles", "demo").split(","))
                .run("--careledger.data-dir=" + dataDir, "--careledger.demo.records=false", "--server.port=0",
                        "--logging.level.root=warn", "--spring.main.banner-mode=off");
        LedgerService ledger = app.getBean(LedgerService.class);
        PatientRecords records = app.getBean(PatientRecords.class);
        DoctorRecords doctorRecords = app.getBean(DoctorRecords.class);
        PatientConsent consent = app.getBean(PatientConsent.class);
        DoctorConsent doctorConsent = app.getBean(DoctorConsent.class);
        UserDirectory directory = app.getBean(UserDirectory.class);
        UserProfile doctor = directory.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        UserProfile patient = directory.findByUsername(DemoAccounts.PATIENT.username()).orElseThrow();
        Address patientAddress = patient.ledgerAddress();
        Await.orExit(() -> ledger.refusal().isEmpty() && Registry.roleOf(ledger.committedState().view(), patientAddress).isPresent()
                && Registry.roleOf(ledger.committedState().view(), doctor.ledgerAddress()).isPresent());
        if (check) {
            OutboxRows outbox = app.getBean(OutboxRows.class);
            Await.orExit(() -> outbox.findByStatusInOrderByIdAsc(List.of(OutboxRow.Status.QUEUED, OutboxRow.Status.PENDING)).isEmpty());
            for (RecordEntryView e : TestAccounts.as(patient, records::myRecord)) {
                System.out.println("ENTRY " + e.entryId() + " " + e.integrity());
            }
            long reads = TestAccounts.as(patient, consent::whoViewedMyRecord).size();
            System.out.println("ACCESS " + reads);
            System.out.println("REFUSED " + outbox.findByStatusInOrderByIdAsc(List.of(OutboxRow.Status.REFUSED)).size());
            System.out.flush();
            app.close();
            System.exit(0);
        }
        if (TestAccounts.as(doctor, () -> doctorConsent.lookup(patientAddress)).state() != PatientLookup.AccessState.GRANTED) {
            LedgerReceipt request = TestAccounts.as(doctor, () -> doctorConsent.requestAccess(patientAddress, Purpose.TREATMENT,
                    Set.of(RecordCategory.CLINICAL_NOTE), Duration.ofDays(30), null));
            RequestId requestId = new RequestId(request.txId());
            Await.orExit(() -> TestAccounts.as(patient, consent::myRequests).stream().anyMatch(r -> r.requestId().equals(requestId)));
            TestAccounts.as(patient, () -> consent.grant(requestId, Set.of(RecordCategory.CLINICAL_NOTE), Duration.ofDays(30)));
            Await.orExit(() -> TestAccounts.as(doctor, () -> doctorConsent.lookup(patientAddress)).state() == PatientLookup.AccessState.GRANTED);
        }
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; ; i++) {
            String text = "crash-note-" + System.nanoTime();
            RecordEntryView stored = TestAccounts.as(patient, () -> records.addSelfReported(RecordCategory.CLINICAL_NOTE, EntryContent.note(text)));
            System.out.println("STORED " + stored.entryId());
            System.out.flush();
            if (i % 3 == 2) {
                int shown = TestAccounts.as(doctor, () -> doctorRecords.readRecord(patientAddress)).entries().size();
                System.out.println("READ " + shown);
                System.out.flush();
            }
        }
    }

    private RecordsCrashDriver() {
    }
}
