package org.careledger.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.pharmacy.PharmacyPeople;
import org.careledger.wallet.WalletService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The ledger's token flows per day: a transfer between wallets is counted once, today, to the base unit, with its fee. */
class TokenFlowsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAnalytics ledger;
    @Autowired
    WalletService wallet;
    @Autowired
    org.careledger.analytics.internal.TokenFlows flows;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aTransferIsCountedOnceTodayToTheBaseUnit() {
        UserProfile patient = new PharmacyPeople(context).active(Role.PATIENT);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long transfersBefore = today("Transfers between wallets", today);
        long feesBefore = today("Transaction fees", today);

        String tx = TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN,
                () -> wallet.send(patient.ledgerAddress().toString(), "1.234567")).txId().hex();

        // the patient's welcome tokens are a transfer too, so the day grows by at least this one
        Await.until("the transfer is counted today", () -> flows.moves().getOrDefault("transfers", java.util.List.of()).stream()
                .anyMatch(m -> m.txId().equals(tx)));
        assertThat(flows.moves().get("transfers")).filteredOn(m -> m.txId().equals(tx)).singleElement()
                .satisfies(m -> assertThat(m.amount()).isEqualTo(1_234_567L))
                .satisfies(m -> assertThat(m.day()).hasToString(today));
        assertThat(today("Transfers between wallets", today)).isGreaterThanOrEqualTo(transfersBefore + 1_234_567);
        ChartData chart = flows();
        assertThat(chart.decimals()).as("amounts are in base units, shown as tokens").isEqualTo(6);
        assertThat(chart.format(1_234_567L)).isEqualTo("1.234567");
        assertThat(chart.buckets()).hasSize(LedgerAnalytics.FLOW_DAYS).last().isEqualTo(today);
        assertThat(today("Transaction fees", today)).as("its fee too").isGreaterThanOrEqualTo(feesBefore);
    }

    private long today(String series, String day) {
        ChartData c = flows();
        Long v = c.series().stream().filter(s -> s.label().equals(series)).findFirst().orElseThrow().values().get(c.buckets().indexOf(day));
        return v == null ? -1 : v;
    }

    private ChartData flows() {
        return TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, () -> ledger.charts()).stream()
                .filter(c -> c.id().equals("token-flows")).findFirst().orElseThrow();
    }
}
