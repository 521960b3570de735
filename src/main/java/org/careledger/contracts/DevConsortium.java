package org.careledger.contracts;

import java.util.ArrayList;
import java.util.List;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.GenesisBlock;

/**
 * The development consortium: three hospitals, "st-marys", "riverside" and "northgate", sealing
 * with Ganache dev accounts 7, 8 and 9 on chain 31337, from a fixed genesis time. Its treasury, from
 * which the portal funds newly approved users, is dev account 4 (accounts 0–3 are held by the demo
 * users). The bench, the verifier and the demo portal build the same genesis from here; only the
 * target block time may differ, and the bench writes the genesis it used to {@code DIR/genesis.json}.
 */
public final class DevConsortium {

    public static final long CHAIN_ID = 31337;
    /** 2026-01-01T00:00:00Z. */
    public static final long GENESIS_TIME = 1_767_225_600_000L;
    public static final List<String> NAMES = List.of("st-marys", "riverside", "northgate");
    public static final int FIRST_SEALER_ACCOUNT = 7;
    /** The dev account that serves as the treasury: held by no demo user and no sealer. */
    public static final int TREASURY_ACCOUNT = 4;

    private DevConsortium() {
    }

    /** The sealer key of node {@code index} (0, 1 or 2). */
    public static PrivateKey sealerKey(int index) {
        if (index < 0 || index >= NAMES.size()) {
            throw new IllegalArgumentException("The dev consortium has nodes 0 to " + (NAMES.size() - 1) + ", not " + index);
        }
        return DevAccounts.ganacheAccount(FIRST_SEALER_ACCOUNT + index);
    }

    /** The treasury's key (dev account {@value #TREASURY_ACCOUNT}: public, so for the demo only). */
    public static PrivateKey treasuryKey() {
        return DevAccounts.ganacheAccount(TREASURY_ACCOUNT);
    }

    public static List<Genesis.Sealer> sealers() {
        List<Genesis.Sealer> sealers = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            sealers.add(new Genesis.Sealer(NAMES.get(i), sealerKey(i).publicKey()));
        }
        return sealers;
    }

    /** The dev genesis with {@link Genesis.Parameters#dev()} (1 s blocks, 10,000 transactions a block). */
    public static Genesis genesis() {
        Genesis dev = Genesis.dev(CHAIN_ID, GENESIS_TIME, sealers());
        return new Genesis(dev.chainId(), dev.timestamp(), dev.sealers(), dev.parameters(), dev.balances(), treasuryKey().address());
    }

    /** The dev genesis aiming at {@code targetBlockMillis} per block, at least 10,000 transactions a block. */
    public static Genesis genesis(long targetBlockMillis) {
        return genesis(targetBlockMillis, NAMES.size());
    }

    /**
     * As {@link #genesis(long)} with only the first {@code sealerCount} of the three sealers, for a
     * consortium that runs fewer nodes (the bench's {@code --nodes}): blocks then never wait for the
     * turn of a sealer that is not there.
     */
    public static Genesis genesis(long targetBlockMillis, int sealerCount) {
        if (sealerCount < 1 || sealerCount > NAMES.size()) {
            throw new IllegalArgumentException("The dev consortium has 1 to " + NAMES.size() + " sealers, not " + sealerCount);
        }
        Genesis dev = genesis();
        Genesis.Parameters p = dev.parameters();
        Genesis.Parameters parameters = new Genesis.Parameters(targetBlockMillis, p.retargetInterval(), p.initialDifficulty(),
                p.minDifficulty(), p.minFee(), p.emergencyAccessMillis(), p.maxFutureMillis(),
                Math.max(10_000, p.maxBlockTransactions()));
        return new Genesis(dev.chainId(), dev.timestamp(), dev.sealers().subList(0, sealerCount), parameters, dev.balances(),
                dev.treasury());
    }

    /** The genesis header (height 0) of {@code genesis} under the standard contracts: its hash names the chain. */
    public static BlockHeader genesisHeader(Genesis genesis) {
        return GenesisBlock.header(genesis, Contracts.standard().genesisState(genesis));
    }
}
