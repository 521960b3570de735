package org.careledger.provider;

import java.util.Map;

/**
 * The providers' ledger accounts, as the Providers page shows them. Implemented by the module that
 * keeps the accounts (registry), which depends on this one, so the page reads them without a cycle.
 */
public interface ProviderLedgerAccounts {

    /** Every provider that has a ledger account, by provider id, with its committed balance. */
    Map<Long, ProviderAccount> accounts();
}
