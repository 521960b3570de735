package org.careledger.explorer;

import java.time.Instant;

import org.careledger.ledger.Hash;

/** A transaction in a list: id, where it is (null height while pending), sender, call and fee. */
public record TxRow(Hash id, TxStatus status, Long height, Integer index, Instant time, AddressLabel sender, String call, long fee) {
}
