/**
 * Healthcare providers: the hospitals and pharmacies that belong to the consortium. Admins manage
 * them; doctors and pharmacists register with one; each runs a ledger node and has a ledger account
 * of its own, kept by the registry module and shown here through {@link org.careledger.provider.ProviderLedgerAccounts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Providers",
        allowedDependencies = {"common", "crypto"})
package org.careledger.provider;
