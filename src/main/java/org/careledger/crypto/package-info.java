/**
 * Cryptographic primitives for CareLedger: secp256k1 keys, recoverable ECDSA signatures and
 * Ethereum-style addresses for the embedded ledger, Keccak-256 and SHA-256 hashing, AES-256-GCM
 * encryption and key wrapping for data at rest, salted hashes for values that a dictionary could
 * otherwise reverse, and BIP-39/BIP-32 derivation of the well-known Ganache development accounts.
 * The secp256k1 arithmetic runs on Bitcoin Core's libsecp256k1 where its JNI binding loads and on
 * BouncyCastle elsewhere ({@link org.careledger.crypto.CryptoProvider}), with the same results; only
 * {@code LibSecp256k1Engine} sees the binding. Every type here is plain Java (JDK plus BouncyCastle),
 * immutable, validated in its static factories, and reports bad input through the unchecked {@link org.careledger.crypto.CryptoException}
 * hierarchy with messages that can be shown to a person.
 */
package org.careledger.crypto;
