/**
 * Token wallets as the portal shows them to every signed-in user: the balance and what may be spent
 * of it, the history of every committed transaction that moved the user's tokens (a read model of
 * the chain, {@code wallet_movements}, fed by the ledger's events and rebuilt from its blocks), and
 * transfers to any address, queued through the outbox with the user's custody key; the invoices
 * addressed to the user, paid from the wallet ({@link org.careledger.wallet.Invoicing}) with a
 * printable receipt, announced by {@link org.careledger.wallet.InvoicePaid}. Also each newly
 * approved user's welcome tokens from the treasury, queued in the approval's own transaction, and
 * each provider account's float for its fees, sent once when the account is opened. Modules whose
 * calls move tokens name them with a {@link org.careledger.wallet.TokenEffect}; modules that raise
 * invoices name their lines with {@link org.careledger.wallet.InvoiceLineNames}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wallet",
        allowedDependencies = {"common", "contracts", "crypto", "identity", "ledger", "node", "outbox", "provider", "registry"})
package org.careledger.wallet;
