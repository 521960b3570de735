/**
 * The one durable path from any module to the ledger. A module queues a contract call, to be signed
 * with a user's custody key or one of the install's own ledger keys, inside the database transaction
 * of the change it belongs to; the call is first dry-run against the committed state (so most
 * refusals are told at once, with the contract's rule), made durable when that transaction commits,
 * then signed, submitted, re-signed if its transaction is lost, and settled when it is mined, or
 * refused for good. The owning module registers a {@link org.careledger.outbox.CallHook} for its kinds
 * of call: it runs in the transaction that settles each call, and tells in plain words what a refusal
 * means. {@link org.careledger.outbox.LedgerOutbox} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger outbox",
        allowedDependencies = {"common", "crypto", "identity", "install", "ledger", "node"})
package org.careledger.outbox;
