package org.careledger.ledger;

import java.nio.charset.StandardCharsets;

import org.careledger.crypto.Address;
import org.careledger.crypto.CryptoException;
import org.careledger.crypto.PrivateKey;
import org.careledger.crypto.PublicKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.crypto.Signature;

/**
 * A signed request to run one contract call. The sender is named by its compressed public key (the
 * address derives from it) and the signature is verified against that key rather than recovered,
 * which costs a third less. The per-sender nonce stops replays; the chain id stops a transaction
 * meant for one chain from counting on another.
 *
 * <p>Encoding (also the hashing input): {@code version u8, chainId i64, senderKey 33 bytes,
 * nonce i64, call, fee i64}, then the signature as r and s (64 bytes, see {@link CompactSignature}). The signature covers SHA-256 of a domain
 * tag and everything before it; the transaction id is SHA-256 of the whole encoding.
 */
public final class Transaction {

    public static final int VERSION = 1;
    public static final int MAX_SIZE = 8 * 1024;
    private static final byte[] DOMAIN = "careledger/tx/v1".getBytes(StandardCharsets.US_ASCII);

    private final long chainId;
    private final PublicKey sender;
    private final long nonce;
    private final ContractCall call;
    private final long fee;
    private final Signature signature;
    private final byte[] encoded;
    private final Hash id;
    private final Address senderAddress;
    /** Derived from {@link #encoded} on first use: every node's admission asks for it. */
    private volatile Hash signingHash;

    private Transaction(long chainId, PublicKey sender, long nonce, ContractCall call, long fee, Signature signature) {
        if (nonce < 0) {
            throw new IllegalArgumentException("A nonce is never negative");
        }
        if (fee < 0) {
            throw new IllegalArgumentException("A fee is never negative");
        }
        this.chainId = chainId;
        this.sender = sender;
        this.nonce = nonce;
        this.call = call;
        this.fee = fee;
        this.signature = signature;
        CanonicalWriter out = new CanonicalWriter(160);
        writeUnsigned(out, chainId, sender, nonce, call, fee);
        CompactSignature.write(out, signature);
        this.encoded = out.toByteArray();
        if (encoded.length > MAX_SIZE) {
            throw new IllegalArgumentException("A transaction has at most " + MAX_SIZE + " bytes, this one " + encoded.length);
        }
        this.id = Hash.sha256(encoded);
        this.senderAddress = sender.address();
    }

    /** Signs a call with the sender's key. */
    public static Transaction sign(long chainId, PrivateKey key, long nonce, ContractCall call, long fee) {
        PublicKey sender = key.publicKey();
        Signature signature = Secp256k1.sign(key, signingHash(chainId, sender, nonce, call, fee).bytes());
        return new Transaction(chainId, sender, nonce, call, fee, signature);
    }

    /** Decodes the canonical bytes; anything else is a {@link MalformedEncodingException}. */
    public static Transaction decode(byte[] bytes) {
        if (bytes.length > MAX_SIZE) {
            throw new MalformedEncodingException("A transaction has at most " + MAX_SIZE + " bytes, not " + bytes.length);
        }
        CanonicalReader in = new CanonicalReader(bytes);
        Transaction tx = read(in);
        in.end();
        return tx;
    }

    static Transaction read(CanonicalReader in) {
        int version = in.u8();
        if (version != VERSION) {
            throw new MalformedEncodingException("Unknown transaction version " + version);
        }
        long chainId = in.i64BigEndian();
        byte[] key = in.fixed(33, "sender key");
        long nonce = in.i64BigEndian();
        ContractCall call = ContractCall.read(in);
        long fee = in.i64BigEndian();
        Signature sig = CompactSignature.read(in, "signature");
        try {
            return new Transaction(chainId, SenderKeys.parse(key), nonce, call, fee, sig);
        } catch (CryptoException | IllegalArgumentException e) {
            throw new MalformedEncodingException("Invalid transaction: " + e.getMessage());
        }
    }

    /** Whether the signature was made by the sender's key over this transaction's content. */
    public boolean hasValidSignature() {
        return Secp256k1.verify(sender, signingHash().bytes(), signature);
    }

    /** What the sender signed: SHA-256 of the domain tag and the encoding without the signature. */
    public Hash signingHash() {
        Hash result = signingHash;
        if (result == null) {
            // the encoding without its signature is exactly what writeUnsigned wrote
            result = Hash.sha256(DOMAIN, java.util.Arrays.copyOf(encoded, encoded.length - CompactSignature.LENGTH));
            signingHash = result;
        }
        return result;
    }

    private static Hash signingHash(long chainId, PublicKey sender, long nonce, ContractCall call, long fee) {
        CanonicalWriter out = new CanonicalWriter(128);
        out.fixed(DOMAIN);
        writeUnsigned(out, chainId, sender, nonce, call, fee);
        return Hash.sha256(out.toByteArray());
    }

    private static void writeUnsigned(CanonicalWriter out, long chainId, PublicKey sender, long nonce, ContractCall call, long fee) {
        out.u8(VERSION).i64BigEndian(chainId).fixed(sender.compressed()).i64BigEndian(nonce);
        call.write(out);
        out.i64BigEndian(fee);
    }

    public Hash id() {
        return id;
    }

    public byte[] encode() {
        return encoded.clone();
    }

    /** The encoding itself, not a copy: for the ledger's own writers, which only read it. */
    byte[] encodedView() {
        return encoded;
    }

    public int size() {
        return encoded.length;
    }

    public long chainId() {
        return chainId;
    }

    public PublicKey sender() {
        return sender;
    }

    public Address senderAddress() {
        return senderAddress;
    }

    public long nonce() {
        return nonce;
    }

    public ContractCall call() {
        return call;
    }

    public long fee() {
        return fee;
    }

    public Signature signature() {
        return signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Transaction[" + id.shortHex() + " from " + senderAddress + " nonce " + nonce + ": " + call + "]";
    }
}
