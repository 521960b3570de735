package org.careledger.wallet;

import java.util.Optional;

import org.careledger.crypto.Address;

/**
 * Names an account the portal knows beyond its users, the treasury and the dev accounts: a module
 * that owns accounts (a provider's) declares a bean, and the wallet's history shows the name as the
 * counterpart instead of the bare address.
 */
public interface AddressNames {

    Optional<String> nameOf(Address address);
}
