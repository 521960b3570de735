package org.careledger.node;

import java.math.BigDecimal;

import org.careledger.ledger.Genesis;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded consortium runs.
 *
 * @param minerThreads       miner worker threads per node (0: one per core)
 * @param targetBlockMillis  the block time difficulty retargeting aims at (written into a new genesis)
 * @param networkDelayMillis the in-memory network's delivery delay
 * @param welcomeTokens      tokens the treasury sends each newly approved user (0: none; up to six decimals)
 * @param treasuryTokens     tokens the treasury holds in a new install's genesis
 * @param providerFloatTokens tokens the treasury sends each provider's own account once, for its fees (0: none;
 *                            up to six decimals, as a fee is a thousandth of a token)
 */
@ConfigurationProperties(prefix = "careledger.ledger")
public record LedgerSettings(@DefaultValue("1") int minerThreads,
                             @DefaultValue("1000") long targetBlockMillis,
                             @DefaultValue("5") long networkDelayMillis,
                             @DefaultValue("10") BigDecimal welcomeTokens,
                             @DefaultValue("1000000") long treasuryTokens,
                             @DefaultValue("10") BigDecimal providerFloatTokens) {

    public LedgerSettings {
        if (welcomeTokens.signum() < 0 || treasuryTokens < 0 || providerFloatTokens.signum() < 0) {
            throw new IllegalArgumentException("careledger.ledger.welcome-tokens, treasury-tokens and provider-float-tokens are never negative");
        }
        toBaseUnits(welcomeTokens, "careledger.ledger.welcome-tokens");
        Math.multiplyExact(treasuryTokens, Genesis.UNITS_PER_TOKEN);
        toBaseUnits(providerFloatTokens, "careledger.ledger.provider-float-tokens");
    }

    int effectiveMinerThreads() {
        return minerThreads > 0 ? minerThreads : Runtime.getRuntime().availableProcessors();
    }

    public long welcomeBaseUnits() {
        return toBaseUnits(welcomeTokens, "careledger.ledger.welcome-tokens");
    }

    public long providerFloatBaseUnits() {
        return toBaseUnits(providerFloatTokens, "careledger.ledger.provider-float-tokens");
    }

    /** Tokens with up to six decimals as base units ({@value Genesis#UNITS_PER_TOKEN} a token); more decimals, or more than a {@code long} holds, are refused. */
    private static long toBaseUnits(BigDecimal tokens, String setting) {
        try {
            return tokens.movePointRight(6).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(setting + " takes tokens with at most six decimals, not " + tokens.toPlainString());
        }
    }

    long treasuryBaseUnits() {
        return treasuryTokens * Genesis.UNITS_PER_TOKEN;
    }
}
