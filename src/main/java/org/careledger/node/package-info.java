/**
 * The ledger inside the portal: Spring wiring of the plain-Java consortium (three nodes under
 * {@code chain-data/nodes/}: the dev consortium in a demo, otherwise the install's own chain and
 * keys, made at its first start), the {@link org.careledger.node.LedgerService} through which the
 * portal submits signed transactions and reads committed state and proofs, the treasury's welcome
 * transfers, and the events {@link org.careledger.node.BlockMined} and
 * {@link org.careledger.node.TransactionCommitted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger node",
        allowedDependencies = {"common", "contracts", "crypto", "install", "ledger"})
package org.careledger.node;
