package org.careledger.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.careledger.IntegrationTest;
import org.careledger.crypto.SaltedHash;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.records.internal.PatientRecordKeyRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's record key is made at its first use. Several first uses at once (the demo's records and
 * appointments seeders at first start did this; so would a doctor's first entry while the patient books
 * with a private reason) each find no key: every one of them must still succeed, under one key.
 */
class RecordKeysAtOnceTest extends IntegrationTest {

    private static final int AT_ONCE = 6;

    @Autowired
    ApplicationContext ctx;
    @Autowired
    RecordVault vault;
    @Autowired
    PatientRecordKeyRepository patientKeys;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void firstUsesAtOnceAllSucceedAndShareOneKey() throws Exception {
        UserProfile patient = new TestAccounts(ctx).active(Role.PATIENT);
        assertThat(patientKeys.existsById(patient.id().value())).as("a new patient has no record key yet").isFalse();

        CyclicBarrier together = new CyclicBarrier(AT_ONCE);
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        List<Future<SaltedHash>> sealed = new ArrayList<>();
        try {
            for (int i = 0; i < AT_ONCE; i++) {
                String text = "reason " + i;
                sealed.add(pool.submit(() -> new TransactionTemplate(transactions).execute(s -> {
                    await(together);
                    return vault.sealText(patient.id(), "appointment-reason", text);
                })));
            }
            for (int i = 0; i < AT_ONCE; i++) {
                SaltedHash hash = sealed.get(i).get(30, TimeUnit.SECONDS); // a lost race threw here
                String expected = "reason " + i;
                Optional<String> opened = new TransactionTemplate(transactions).execute(s -> vault.openText(patient.id(), hash.hex()));
                assertThat(opened).as("text %d opens with the patient's one key", i).contains(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(patientKeys.existsById(patient.id().value())).isTrue();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
