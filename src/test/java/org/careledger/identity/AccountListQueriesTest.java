package org.careledger.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.careledger.IntegrationTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's lists read the database a fixed number of times however many users they show: the
 * users' ledger addresses and what the admin may do to each are read for the whole list at once,
 * not once per row (an N+1 the load test's users list would otherwise pay for every user).
 */
class AccountListQueriesTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    AccountAdministration administration;

    @Test
    void searchingAndOfferingActionsTakesAsManyStatementsForTwelveUsersAsForTwo() {
        TestAccounts accounts = new TestAccounts(ctx);
        String family = "Quorra" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        for (int i = 0; i < 2; i++) {
            accounts.registered(TestAccounts.patient(TestAccounts.uniqueEmail("list"), "Ana " + family));
        }
        long forTwo = statementsToList(accounts, family, 2);
        for (int i = 0; i < 10; i++) {
            accounts.registered(TestAccounts.patient(TestAccounts.uniqueEmail("list"), "Ana " + family));
        }
        long forTwelve = statementsToList(accounts, family, 12);

        assertThat(forTwelve).as("statements to list 12 users vs 2 (one per user would be an N+1)").isEqualTo(forTwo);
    }

    private long statementsToList(TestAccounts accounts, String family, int expected) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            Map<UserId, Set<AccountAction>> actions = accounts.asAdmin(() -> {
                List<UserProfile> found = administration.search(family.toLowerCase(java.util.Locale.ROOT), null, null);
                assertThat(found).hasSize(expected);
                return administration.actionsOn(found);
            });
            assertThat(actions).hasSize(expected).allSatisfy((id, allowed) -> assertThat(allowed).contains(AccountAction.RESET_PASSWORD));
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
