package org.careledger.node;

import org.careledger.Await;
import java.time.Duration;

import org.careledger.IntegrationTest;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.identity.DemoAccounts;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerServiceTest extends IntegrationTest {

    @Autowired
    LedgerService ledger;

    @Test
    void theDemoUsersAreRegisteredOnTheLedgerWithTheirRoles() throws Exception {
        Address doctor = DevAccounts.ganacheAccount(DemoAccounts.DOCTOR.devAccountIndex()).address();
        Address patient = DevAccounts.ganacheAccount(DemoAccounts.PATIENT.devAccountIndex()).address();
        Await.until("the registry holds the demo doctor and patient",
                () -> Registry.roleOf(ledger.committedState().view(), doctor).isPresent()
                        && Registry.roleOf(ledger.committedState().view(), patient).isPresent());
        assertThat(Registry.roleOf(ledger.committedState().view(), doctor)).contains("DOCTOR");
        assertThat(Registry.roleOf(ledger.committedState().view(), patient)).contains("PATIENT");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void anApprovedUserIsRegisteredOnTheLedgerByTheApprovingAdminsOwnTransaction() throws Exception {
        Address admin = DevAccounts.ganacheAccount(DemoAccounts.ADMIN.devAccountIndex()).address();
        Await.until("the demo admin is an admin on the ledger",
                () -> Registry.roleOf(ledger.committedState().view(), admin).filter("ADMIN"::equals).isPresent());
        long adminNonceBefore = ledger.committedState().nextNonce(admin);
        org.careledger.identity.TestAccounts accounts = new org.careledger.identity.TestAccounts(context);
        org.careledger.identity.UserProfile approved = accounts.active(org.careledger.identity.Role.DOCTOR);
        Address doctor = Address.parse(approved.ledgerAddress());
        Await.until("the new doctor is registered on the ledger",
                () -> Registry.roleOf(ledger.committedState().view(), doctor).filter("DOCTOR"::equals).isPresent());
        assertThat(ledger.committedState().nextNonce(admin)).as("the admin signed the registration").isGreaterThan(adminNonceBefore);
    }

    @Test
    void aSubmittedTransferIsMinedDurablyAndMovesTheTokens() {
        var from = DevAccounts.ganacheAccount(5);
        Address to = DevAccounts.ganacheAccount(6).address();
        long before = Tokens.balanceOf(ledger.committedState().view(), to);
        Transaction tx = ledger.submit(from, Tokens.transfer(to, 2 * Genesis.UNITS_PER_TOKEN), 1000);
        long height = ledger.awaitCommitted(tx.id(), Duration.ofSeconds(30));
        assertThat(height).isPositive();
        assertThat(Tokens.balanceOf(ledger.committedState().view(), to)).isEqualTo(before + 2 * Genesis.UNITS_PER_TOKEN);
    }

    @Test
    void aTransferWithTooSmallAFeeIsRefusedAtOnceWithAReason() {
        Address to = DevAccounts.ganacheAccount(6).address();
        assertThatThrownBy(() -> ledger.submit(DevAccounts.ganacheAccount(4), Tokens.transfer(to, 1), 0))
                .isInstanceOf(TransactionRejectedException.class).hasMessageContaining("below the minimum");
        assertThat(ledger.pending()).noneMatch(tx -> tx.senderAddress().equals(DevAccounts.ganacheAccount(4).address()));
    }
}
