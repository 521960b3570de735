/**
 * Keeps the ledger's user registry in step with the portal's accounts: when an admin approves a
 * user or moves a staff member to another role, the registration is queued through the outbox in
 * the same transaction, so the contracts that check roles (a consent request must come from a
 * doctor) know the user as soon as it is mined; at start, any active user the chain does not know
 * yet (a demo seed) is registered by the home node's sealer. It also keeps each provider's own ledger
 * account ({@link org.careledger.registry.ProviderAccounts}: its key in custody, its role HOSPITAL or
 * PHARMACY on chain; other modules sign as a provider through it) and affiliates each doctor and
 * pharmacist with their provider's account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger registry",
        allowedDependencies = {"common", "contracts", "crypto", "identity", "node", "outbox", "provider"})
package org.careledger.registry;
