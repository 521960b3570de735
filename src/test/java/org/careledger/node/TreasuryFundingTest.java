package org.careledger.node;

import java.nio.file.Files;

import org.careledger.ledger.Genesis;
import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.GenesisJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class TreasuryFundingTest extends IntegrationTest {

    @Autowired
    LedgerService ledger;

    @Autowired
    LedgerSettings settings;

    @Autowired
    ApplicationContext context;

    @Test
    void theDemoRunsTheDevGenesisWhoseTreasuryIsDevAccountFourAndWritesItForTheTools() throws Exception {
        Genesis genesis = ledger.genesis();
        assertThat(genesis.chainId()).isEqualTo(DevConsortium.CHAIN_ID);
        assertThat(genesis.treasury()).isEqualTo(DevConsortium.treasuryKey().address());
        assertThat(GenesisJson.read(DATA_DIR.resolve("genesis.json"), Contracts.standard())).isEqualTo(genesis);
        assertThat(Files.exists(DATA_DIR.resolve("keys").resolve("ledger-treasury.key"))).as("the demo keeps no ledger keys").isFalse();
    }

    @Test
    void anApprovedUserReceivesTheWelcomeTokensFromTheTreasury() throws Exception {
        long welcome = settings.welcomeBaseUnits();
        assertThat(welcome).isPositive();
        Address treasury = ledger.genesis().treasury();
        UserProfile approved = new TestAccounts(context).active(Role.PATIENT);
        Address user = approved.ledgerAddress();
        Await.until("the new patient holds the welcome tokens", () -> Tokens.balanceOf(ledger.committedState().view(), user) == welcome);
        assertThat(ledger.committedState().nextNonce(treasury)).as("the treasury signed the transfer").isPositive();
    }
}
