package org.careledger.registry;

import org.careledger.crypto.Address;

/** A provider's own ledger account was opened (its key put in custody), in the transaction that did it. */
public record ProviderAccountOpened(long providerId, Address address) {
}
