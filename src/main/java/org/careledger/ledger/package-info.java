/**
 * The embedded consortium ledger, in plain Java: hashes, canonical encodings, signed transactions,
 * blocks sealed by proof of work, Merkle trees with inclusion proofs, validation rules, storage,
 * mempool and the consortium of nodes. It knows no contract: it applies transactions through the
 * {@code StateTransition} interface that the {@code contracts} module implements. No Spring, JPA or
 * Vaadin here; {@code FrameworkFreeCoreTest} proves it.
 */
package org.careledger.ledger;
