/**
 * The ledger inside the portal: Spring wiring of the plain-Java consortium (one node per provider
 * of the dev consortium, under {@code chain-data/nodes/}), the {@link org.careledger.node.LedgerService}
 * through which the portal submits signed transactions and reads committed state, and the events
 * {@link org.careledger.node.BlockMined} and {@link org.careledger.node.TransactionCommitted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger node")
package org.careledger.node;
