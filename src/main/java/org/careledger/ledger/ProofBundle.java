package org.careledger.ledger;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careledger.crypto.CryptoException;
import org.careledger.crypto.PublicKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.crypto.Signature;

/**
 * Everything needed to show, without the chain, that one transaction is in a sealed block: the
 * transaction, its Merkle path to the header's root, the header (which carries its own proof of
 * work) and the sealer's signature over the header hash. {@code subject} says what the transaction
 * proves ({@code {"kind": "transfer"}}, later an anchored record version or a consent decision).
 * Byte fields are lower-case hex, as the JSON form carries them; nothing is trusted until
 * {@link #verify} has decoded and checked it.
 */
public record ProofBundle(int version, long chainId, String genesisHash, String transaction, int leafIndex, int leafCount,
                          List<String> merklePath, String header, String sealerSignature, String sealerPublicKey,
                          Map<String, Object> subject) {

    public static final int VERSION = 1;

    public ProofBundle {
        merklePath = List.copyOf(merklePath);
        subject = subject == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subject));
    }

    /** The bundle for the {@code txIndex}-th transaction of {@code block}, on the chain of {@code genesis}. */
    public static ProofBundle of(Block block, int txIndex, Genesis genesis, StateMachine machine, Map<String, Object> subject) {
        Hash genesisHash = GenesisBlock.header(genesis, machine.genesisState(genesis)).hash();
        return of(block, txIndex, genesis, genesisHash, subject);
    }

    /** As above, for a block of {@code chain}. */
    public static ProofBundle of(Block block, int txIndex, Chain chain, Map<String, Object> subject) {
        return of(block, txIndex, chain.genesis(), chain.genesisHeader().hash(), subject);
    }

    private static ProofBundle of(Block block, int txIndex, Genesis genesis, Hash genesisHash, Map<String, Object> subject) {
        if (txIndex < 0 || txIndex >= block.transactions().size()) {
            throw new IndexOutOfBoundsException("Block " + block.height() + " has " + block.transactions().size()
                    + " transactions, no index " + txIndex);
        }
        HexFormat hex = HexFormat.of();
        MerkleProof proof = MerkleTree.of(block.transactionIds()).proof(txIndex);
        List<String> path = new ArrayList<>();
        proof.siblings().forEach(h -> path.add(h.hex()));
        PublicKey sealer = genesis.sealerKey(block.header().sealer());
        return new ProofBundle(VERSION, genesis.chainId(), genesisHash.hex(), hex.formatHex(block.transactions().get(txIndex).encode()),
                proof.leafIndex(), proof.leafCount(), path, hex.formatHex(block.header().encode()),
                hex.formatHex(block.sealerSignature().toBytes()), hex.formatHex(sealer.compressed()), subject);
    }

    /**
     * The outcome of {@link #verify}: valid with the block's height and hash, or the first rule
     * broken (encoding, chainId, genesis, merkleProof, proofOfWork, sealerSignature, sealerNotAuthorised).
     */
    public record Verdict(boolean valid, String rule, String explanation, long height, Hash block) {

        static Verdict invalid(String rule, String explanation) {
            return new Verdict(false, rule, explanation, -1, null);
        }
    }

    /**
     * Checks the bundle on its own; with {@code genesis} (may be null) also that it belongs to that
     * chain and that the sealer is one of its authorised sealers.
     */
    public Verdict verify(Genesis genesis, Hash expectedGenesisHash) {
        HexFormat hex = HexFormat.of();
        Transaction tx;
        BlockHeader head;
        Signature signature;
        PublicKey key;
        List<Hash> siblings = new ArrayList<>();
        MerkleProof proof;
        if (version != VERSION) {
            return Verdict.invalid("encoding", "unknown proof bundle version " + version);
        }
        try {
            tx = Transaction.decode(hex.parseHex(strip(transaction)));
            head = BlockHeader.decode(hex.parseHex(strip(header)));
            signature = Signature.fromBytes(hex.parseHex(strip(sealerSignature)));
            key = PublicKey.fromBytes(hex.parseHex(strip(sealerPublicKey)));
            for (String s : merklePath) {
                siblings.add(Hash.fromHex(s));
            }
            proof = new MerkleProof(leafIndex, leafCount, siblings);
        } catch (MalformedEncodingException | CryptoException | IllegalArgumentException | NullPointerException e) {
            return Verdict.invalid("encoding", e.getMessage());
        }
        if (tx.chainId() != chainId) {
            return Verdict.invalid("chainId", "the transaction is meant for chain " + tx.chainId() + ", the bundle says " + chainId);
        }
        if (genesis != null && genesis.chainId() != chainId) {
            return Verdict.invalid("chainId", "the bundle is for chain " + chainId + ", the genesis is chain " + genesis.chainId());
        }
        if (expectedGenesisHash != null && !expectedGenesisHash.hex().equalsIgnoreCase(strip(String.valueOf(genesisHash)))) {
            return Verdict.invalid("genesis", "the bundle names genesis " + genesisHash + ", the genesis given is " + expectedGenesisHash.hex());
        }
        if (expectedGenesisHash != null && head.height() == 1 && !head.previousHash().equals(expectedGenesisHash)) {
            return Verdict.invalid("genesis", "block 1 builds on genesis " + head.previousHash().hex() + ", the genesis given is "
                    + expectedGenesisHash.hex());
        }
        if (!proof.verify(tx.id(), head.merkleRoot())) {
            return Verdict.invalid("merkleProof", "transaction " + tx.id().shortHex() + " at leaf " + leafIndex + " of " + leafCount
                    + " does not lead to the header's Merkle root " + head.merkleRoot().shortHex());
        }
        if (!ProofOfWork.satisfiedBy(head)) {
            return Verdict.invalid("proofOfWork", "header hash " + head.hash().shortHex() + " is not below the target of difficulty "
                    + head.difficulty());
        }
        if (!key.address().equals(head.sealer())) {
            return Verdict.invalid("sealerSignature", "the sealer key given is " + key.address() + "'s, the header names " + head.sealer());
        }
        if (!Secp256k1.verify(key, head.hash().bytes(), signature)) {
            return Verdict.invalid("sealerSignature", "the sealer's signature does not match header " + head.hash().shortHex());
        }
        if (genesis != null && (!genesis.isSealer(head.sealer()) || !genesis.sealerKey(head.sealer()).equals(key))) {
            return Verdict.invalid("sealerNotAuthorised", head.sealer() + " is not an authorised sealer of this chain");
        }
        return new Verdict(true, null, null, head.height(), head.hash());
    }

    /**
     * The bundle's transaction, decoded: for reading what it does once {@link #verify} found the
     * bundle valid.
     *
     * @throws MalformedEncodingException if it does not decode
     */
    public Transaction decodedTransaction() {
        try {
            return Transaction.decode(HexFormat.of().parseHex(strip(transaction)));
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("the bundle's transaction is not hex: " + e.getMessage());
        }
    }

    /** The bundle as the JSON file that {@code ledger proof verify} reads (UTF-8 text, indented). */
    public String toJson() {
        return ProofBundleJson.write(this);
    }

    /**
     * Reads a bundle's JSON form strictly (see {@link ProofBundleJson#read}); nothing it claims is
     * checked until {@link #verify}.
     *
     * @throws IllegalArgumentException if the text is not JSON, or lacks a field, or holds one that is
     *                                  malformed, repeated or no bundle's
     */
    public static ProofBundle fromJson(String json) {
        return ProofBundleJson.read(json);
    }

    private static String strip(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("a field is missing");
        }
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }
}
