package org.careledger.ledger;

import org.careledger.crypto.Address;

/** What a contract may know about the block its transaction is in: no wall clock, only the block's time. */
public record BlockContext(long height, long timestamp, Address sealer, Genesis.Parameters parameters) {
}
