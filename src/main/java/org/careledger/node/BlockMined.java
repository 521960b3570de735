package org.careledger.node;

/** The portal's home node made a block part of its main chain, durably. */
public record BlockMined(long height, String hash, int transactions, String sealer) {
}
