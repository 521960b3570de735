/**
 * The ledger explorer and the admins' consortium console, inside the portal: what Ganache's window
 * and Blockscout's pages show (the chain's overview, live; blocks; transactions with their decoded
 * calls, status and effects; accounts; search; proof checking) and the consortium's health (each
 * node's height, tip, peers, hash rate, pool and store; pausing a node's sealing; the integrity audit
 * that re-validates every node's store). It reads the chain only through
 * {@link org.careledger.node.LedgerService}'s read methods and its own read model of receipts and
 * a per-address index ({@code internal}), fed by the ledger's events and rebuilt from the chain.
 * Who sees what is decided in its services: admins see all; doctors and pharmacists see blocks,
 * transactions and accounts, with patients' addresses left unnamed; patients see their own
 * account's transactions only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Explorer",
        allowedDependencies = {"common", "contracts", "crypto", "identity", "ledger", "node", "provider", "registry",
                "wallet", "records"})
package org.careledger.explorer;
