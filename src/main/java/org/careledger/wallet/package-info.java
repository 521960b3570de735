/**
 * Token wallets as the portal sees them. Today: each newly approved user's welcome tokens, sent by
 * the treasury through the outbox in the approval's own transaction, and each provider account's
 * float for its fees, sent once when the account is opened. Balances, history and
 * transfers come with the pharmacy's invoices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wallet",
        allowedDependencies = {"contracts", "crypto", "identity", "ledger", "node", "outbox", "registry"})
package org.careledger.wallet;
