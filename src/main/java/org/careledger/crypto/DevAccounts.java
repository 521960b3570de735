package org.careledger.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic development accounts of Ganache ({@code ganache --deterministic}, formerly
 * {@code ganache-cli -d}): BIP-44 path {@code m/44'/60'/0'/0/index} under a published mnemonic.
 *
 * <p>These keys are public knowledge and hold nothing of value; they exist so the demo ledger,
 * tests and developer tools agree on the same well-known accounts (account 0 is
 * {@code 0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1}). Never use them outside development.
 */
public final class DevAccounts {

    /** Ganache's deterministic mnemonic (public; development only). */
    public static final String GANACHE_MNEMONIC =
            "myth like bonus scare over problem client lizard pioneer submit female collect";

    private static final String PATH_PREFIX = "m/44'/60'/0'/0/";

    private DevAccounts() {
    }

    /** Holder idiom: the 2048-iteration seed derivation runs once, on first use. */
    private static final class Seed {
        static final byte[] VALUE = Mnemonic.of(GANACHE_MNEMONIC).toSeed();
    }

    /**
     * Ganache deterministic account {@code index}.
     *
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public static PrivateKey ganacheAccount(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Account index must not be negative, got " + index);
        }
        return HdKeys.derive(Seed.VALUE, PATH_PREFIX + index);
    }

    /** The first {@code count} Ganache accounts, in index order, as an unmodifiable list. */
    public static List<PrivateKey> ganacheAccounts(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Account count must not be negative, got " + count);
        }
        List<PrivateKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(ganacheAccount(i));
        }
        return List.copyOf(keys);
    }
}
