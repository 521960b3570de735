package org.careledger.records;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.careledger.install.PostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@link RecordsCrashTest} on PostgreSQL: the application is killed with SIGKILL twice while patients
 * add entries and doctors read them, in a schema of its own, then started once more; every entry
 * reported stored is there and anchored, every completed read is audited, nothing queued was
 * refused, and the ledger verifies. The database server itself is not killed: a commit PostgreSQL
 * has returned is durable, and this checks that the portal's recovery rules hold without H2's
 * {@code CHECKPOINT SYNC}.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the rest of the suite: see src/test/resources/junit-platform.properties
class PostgresRecordsCrashTest {

    @RegisterExtension
    static final PostgresSupport postgres = new PostgresSupport();

    private static PostgresSupport.Database database;

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            PostgresSupport.drop(database);
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killedMidWayOnPostgresTheRecordAndTheLedgerStillAgreeAfterARestart() throws Exception {
        database = PostgresSupport.freshSchema("crash");
        RecordsCrashTest.killTwiceThenCheck(List.of("-Dcareledger.crash.profiles=demo,postgres",
                "-DCARELEDGER_DB_URL=" + database.url(), "-DCARELEDGER_DB_USER=" + database.user(),
                "-DCARELEDGER_DB_PASSWORD=" + database.password()));
    }
}
