package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;

import org.careledger.crypto.CryptoException;
import org.careledger.crypto.PrivateKey;
import org.careledger.crypto.PublicKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.crypto.Signature;

/**
 * A block: its header, the sealer's signature over the header hash (beside the header, not in it,
 * so the hash is the proof-of-work input alone) and the transactions in order.
 * Encoding: {@code header (152 bytes) | signature (r, s: 64) | count (varint) | each transaction, length-prefixed}.
 */
public final class Block {

    public static final int MAX_SIZE = 16 * 1024 * 1024;
    public static final int MAX_TRANSACTIONS = 20_000;
    private final BlockHeader header;
    private final Signature sealerSignature;
    private final List<Transaction> transactions;
    /** Made on first use by {@link #encodedView()}; a benign race makes it twice. */
    private volatile byte[] encoded;

    public Block(BlockHeader header, Signature sealerSignature, List<Transaction> transactions) {
        if (transactions.size() > MAX_TRANSACTIONS) {
            throw new IllegalArgumentException("A block holds at most " + MAX_TRANSACTIONS + " transactions");
        }
        this.header = header;
        this.sealerSignature = sealerSignature;
        this.transactions = List.copyOf(transactions);
    }

    /** Signs a mined header as its sealer. */
    public static Block seal(BlockHeader minedHeader, PrivateKey sealerKey, List<Transaction> transactions) {
        if (!sealerKey.address().equals(minedHeader.sealer())) {
            throw new IllegalArgumentException("The header names " + minedHeader.sealer() + " as sealer, not this key");
        }
        return new Block(minedHeader, Secp256k1.sign(sealerKey, minedHeader.hash().bytes()), transactions);
    }

    public boolean hasValidSealerSignature(PublicKey sealerKey) {
        return Secp256k1.verify(sealerKey, header.hash().bytes(), sealerSignature);
    }

    /** The block's size in its canonical encoding, as stored and sent: header, seal and transactions. */
    public int sizeBytes() {
        return encodedView().length;
    }

    public byte[] encode() {
        return encodedView().clone();
    }

    /**
     * The encoding itself, not a copy, made once: every node of the process stores the same block
     * object, and re-encoding it for each was a tenth of what block storage allocated.
     */
    byte[] encodedView() {
        byte[] result = encoded;
        if (result == null) {
            result = encodeOnce();
            encoded = result;
        }
        return result;
    }

    private byte[] encodeOnce() {
        int estimate = BlockHeader.SIZE + CompactSignature.LENGTH + 8 + transactions.size() * 200;
        CanonicalWriter out = new CanonicalWriter(estimate);
        out.fixed(header.encode());
        CompactSignature.write(out, sealerSignature);
        out.varint(transactions.size());
        transactions.forEach(tx -> out.bytes(tx.encodedView()));
        return out.toByteArray();
    }

    public static Block decode(byte[] bytes) {
        if (bytes.length > MAX_SIZE) {
            throw new MalformedEncodingException("A block has at most " + MAX_SIZE + " bytes, not " + bytes.length);
        }
        CanonicalReader in = new CanonicalReader(bytes);
        BlockHeader header = BlockHeader.read(in);
        Signature signature = CompactSignature.read(in, "sealer signature");
        int count = (int) in.varint(MAX_TRANSACTIONS, "transaction count");
        List<Transaction> txs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            txs.add(Transaction.decode(in.bytes(Transaction.MAX_SIZE, "transaction")));
        }
        in.end();
        return new Block(header, signature, txs);
    }

    public List<Hash> transactionIds() {
        return transactions.stream().map(Transaction::id).toList();
    }

    public BlockHeader header() {
        return header;
    }

    public Hash hash() {
        return header.hash();
    }

    public long height() {
        return header.height();
    }

    public Signature sealerSignature() {
        return sealerSignature;
    }

    public List<Transaction> transactions() {
        return transactions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block other && header.hash().equals(other.header.hash());
    }

    @Override
    public int hashCode() {
        return header.hash().hashCode();
    }

    @Override
    public String toString() {
        return "Block[height=" + header.height() + ", hash=" + header.hash().shortHex() + ", txs=" + transactions.size() + "]";
    }
}
