package org.careledger.provider;

import java.math.BigDecimal;
import java.util.OptionalLong;

import org.careledger.crypto.Address;

/**
 * A provider's own ledger account as its admins see it: the address (the payee of its invoices) and
 * its committed balance in base units (1 token = 10^6), empty while the ledger cannot say.
 */
public record ProviderAccount(Address address, OptionalLong balance) {

    public static final int DECIMALS = 6;

    public ProviderAccount {
        if (address == null || balance == null) {
            throw new IllegalArgumentException("A provider account has an address and a balance, known or not");
        }
    }

    /** The balance in tokens with up to six decimals ({@code 10}, {@code 9.99}, {@code 0.000001}), or an em dash. */
    public String balanceInTokens() {
        return balance.isPresent() ? BigDecimal.valueOf(balance.getAsLong(), DECIMALS).stripTrailingZeros().toPlainString() : "—";
    }
}
