package org.careledger.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;

import org.careledger.ledger.Genesis;
import org.careledger.Await;
import org.careledger.CareLedgerApplication;
import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.UserDirectory;
import org.careledger.ledger.GenesisJson;
import org.careledger.ledger.Hash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production start (no demo profile) on an empty data directory makes the install's own chain:
 * node and treasury keys wrapped under the master key, and a genesis.json it keeps using.
 */
class OwnChainStartTest {

    private static final String KEY = "q83vEi5sJq7b0Jm3V4L8d2xR1yG5nT0aW6cZ9hK2pXo=";

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(CareLedgerApplication.class).run(
                "--careledger.data-dir=" + dataDir, "--careledger.master-key=" + KEY,
                "--careledger.admin.username=root@example.org", "--careledger.admin.password=a-long-admin-passphrase",
                "--server.port=0", "--careledger.ledger.target-block-millis=500");
    }

    /**
     * Each application start installs its own security-context strategy globally (Vaadin's); the
     * shared test context of the other tests keeps using its own, so put it back afterwards.
     */
    private SecurityContextHolderStrategy sharedStrategy;

    @BeforeEach
    void keepTheSecurityStrategy() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void restoreTheSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void aFirstProductionStartMakesItsOwnChainWithATreasuryAndARestartKeepsIt() throws Exception {
        Path base = Path.of("target", "test-data").toAbsolutePath();
        Files.createDirectories(base);
        Path dataDir = Files.createTempDirectory(base, "own-chain-");
        Hash genesisHash;
        Address admin;
        long welcome;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            LedgerService ledger = app.getBean(LedgerService.class);
            Genesis genesis = GenesisJson.read(dataDir.resolve("genesis.json"), Contracts.standard());
            assertThat(ledger.genesis()).isEqualTo(genesis);
            assertThat(genesis.chainId()).isNotEqualTo(DevConsortium.CHAIN_ID);
            assertThat(genesis.treasury()).isNotNull();
            assertThat(genesis.balances()).containsOnlyKeys(genesis.treasury());
            assertThat(genesis.sealerAddresses()).doesNotContainAnyElementsOf(DevConsortium.genesis().sealerAddresses());
            ConsortiumSetup setup = app.getBean(ConsortiumSetup.class);
            Path treasuryFile = dataDir.resolve("keys").resolve("ledger-treasury.key");
            assertThat(Files.getPosixFilePermissions(treasuryFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(treasuryFile)).as("the key is stored wrapped, never in the clear")
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(setup.treasuryKey().bytes()));
            genesisHash = DevConsortium.genesisHeader(genesis).hash();

            // the first admin was created before the ledger started: the start-up reconciliation funds them
            admin = app.getBean(UserDirectory.class).activeLedgerIdentities().get(0).address();
            welcome = app.getBean(LedgerSettings.class).welcomeBaseUnits();
            Await.until("the first admin holds the welcome tokens", Duration.ofSeconds(60),
                    () -> Tokens.balanceOf(ledger.committedState().view(), admin) == welcome);
            assertThat(Tokens.balanceOf(ledger.committedState().view(), genesis.treasury()))
                    .isEqualTo(genesis.totalSupply() - welcome - genesis.parameters().minFee());
        }
        try (ConfigurableApplicationContext again = start(dataDir)) {
            LedgerService ledger = again.getBean(LedgerService.class);
            assertThat(DevConsortium.genesisHeader(ledger.genesis()).hash()).isEqualTo(genesisHash);
            assertThat(ledger.tip().height()).as("the chain made at the first start is replayed").isPositive();
            assertThat(ledger.refusal()).isEmpty();
            assertThat(Tokens.balanceOf(ledger.committedState().view(), admin)).as("funded once, not again").isEqualTo(welcome);
        }
    }
}
