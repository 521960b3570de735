/**
 * Smart contracts in plain Java: deterministic rules applied to the world state when a block is
 * applied, identical on every node. The state is one sorted key-value store whose root commits to
 * every entry; each contract owns the keys under its name and may write no others, and calls other
 * contracts (paying through {@link org.careledger.contracts.TokenApi}, billing through
 * {@link org.careledger.contracts.InvoiceApi}) through the APIs they offer, so a new contract
 * (prescriptions was one, appointments will be) is one class added by registering it, without
 * touching the ledger. Contracts read their arguments through {@link org.careledger.contracts.Args}.
 */
package org.careledger.contracts;
