package org.careledger.provider;

import java.util.OptionalLong;

import org.careledger.common.TokenAmount;
import org.careledger.crypto.Address;

/**
 * A provider's own ledger account as its admins see it: the address (the payee of its invoices) and
 * its committed balance in base units (1 token = 10^6), empty while the ledger cannot say.
 */
public record ProviderAccount(Address address, OptionalLong balance) {

    public ProviderAccount {
        if (address == null || balance == null) {
            throw new IllegalArgumentException("A provider account has an address and a balance, known or not");
        }
    }

    /** The balance in tokens as {@link TokenAmount} writes it ({@code 10}, {@code 1,234.5}, {@code 0.000001}), or an em dash. */
    public String balanceInTokens() {
        return balance.isPresent() ? new TokenAmount(balance.getAsLong()).format() : "—";
    }
}
