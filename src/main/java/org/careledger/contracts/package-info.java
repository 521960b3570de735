/**
 * Smart contracts in plain Java: deterministic rules applied to the world state when a block is
 * applied, identical on every node. The state is one sorted key-value store whose root commits to
 * every entry; each contract owns the keys under its name, so a new contract (prescriptions,
 * appointments) is added by registering it, without touching the ledger.
 */
package org.careledger.contracts;
