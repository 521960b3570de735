package org.careledger.ledger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.careledger.crypto.Address;

/**
 * Every rule a block must pass, as one small named check each. {@link #validate} runs them in order
 * and returns the world state after the block; the first failure throws a
 * {@link BlockRejectedException} naming the height and the rule.
 */
public final class BlockRules {

    /** Headers of the branch a new block extends, by height (for the retarget window). */
    public interface Ancestry {
        BlockHeader headerAt(long height);
    }

    private final Genesis genesis;
    private final DifficultyRule difficulty;
    private final LongSupplier clockMillis;
    private final SignatureCache signatures;

    public BlockRules(Genesis genesis, LongSupplier clockMillis, SignatureCache signatures) {
        this.genesis = genesis;
        this.difficulty = genesis.parameters().difficultyRule();
        this.clockMillis = clockMillis;
        this.signatures = signatures;
    }

    /**
     * Validates {@code block} on top of {@code parent}, whose state is {@code parentState} (left
     * untouched), and returns the state after the block.
     */
    public WorldState validate(Block block, BlockHeader parent, Ancestry ancestry, WorldState parentState) {
        BlockHeader header = block.header();
        checkVersion(header);
        checkHeight(header, parent);
        checkPreviousHash(header, parent);
        checkTimestamp(header, parent);
        checkDifficulty(header, parent, ancestry);
        checkProofOfWork(header);
        checkSealer(block);
        checkMerkleRoot(block);
        WorldState state = parentState.copy();
        checkTransactions(block, state);
        checkStateRoot(header, state);
        return state;
    }

    /**
     * {@link #validate} for a block its own node assembled on {@code parent}: {@code assembled} is the
     * parent's state with the block's transactions checked ({@link #admit(Transaction, WorldState)}) and
     * applied in order at assembly, so only the header's rules and the state root are checked here.
     */
    void validateAssembled(Block block, BlockHeader parent, Ancestry ancestry, WorldState assembled) {
        BlockHeader header = block.header();
        checkVersion(header);
        checkHeight(header, parent);
        checkPreviousHash(header, parent);
        checkTimestamp(header, parent);
        checkDifficulty(header, parent, ancestry);
        checkProofOfWork(header);
        checkSealer(block);
        checkMerkleRoot(block);
        if (block.transactions().size() > genesis.parameters().maxBlockTransactions()) {
            throw reject(header, "checkTransactions", "more than " + genesis.parameters().maxBlockTransactions() + " transactions");
        }
        checkStateRoot(header, assembled);
    }

    /**
     * The checks of {@link #validate} that need no state: for blocks at or below a node's own signed
     * checkpoint, whose transactions and state the checkpoint vouches for.
     */
    public void validateStructure(Block block, BlockHeader parent, Ancestry ancestry) {
        BlockHeader header = block.header();
        checkVersion(header);
        checkHeight(header, parent);
        checkPreviousHash(header, parent);
        if (header.timestamp() < parent.timestamp()) {
            throw reject(header, "checkTimestamp", "time " + header.timestamp() + " is before the parent's " + parent.timestamp());
        }
        checkDifficulty(header, parent, ancestry);
        checkProofOfWork(header);
        checkSealer(block);
        checkMerkleRoot(block);
    }

    /** Whether {@code account} is one of the genesis's sealers: the consortium's own nodes. */
    public boolean isSealer(Address account) {
        return genesis.isSealer(account);
    }

    /** The difficulty a child of {@code parent} must carry. */
    public long expectedDifficulty(BlockHeader parent, Ancestry ancestry) {
        long height = parent.height() + 1;
        if (!difficulty.isRetarget(height)) {
            return parent.difficulty();
        }
        return difficulty.next(parent, ancestry.headerAt(difficulty.windowStart(height)));
    }

    void checkVersion(BlockHeader header) {
        if (header.version() != BlockHeader.VERSION) {
            throw reject(header, "checkVersion", "unknown header version " + header.version());
        }
    }

    void checkHeight(BlockHeader header, BlockHeader parent) {
        if (header.height() != parent.height() + 1) {
            throw reject(header, "checkHeight", "height should be " + (parent.height() + 1));
        }
    }

    void checkPreviousHash(BlockHeader header, BlockHeader parent) {
        if (!header.previousHash().equals(parent.hash())) {
            throw reject(header, "checkPreviousHash", "previous hash " + header.previousHash().shortHex()
                    + " is not the parent's " + parent.hash().shortHex());
        }
    }

    void checkTimestamp(BlockHeader header, BlockHeader parent) {
        if (header.timestamp() < parent.timestamp()) {
            throw reject(header, "checkTimestamp", "time " + header.timestamp() + " is before the parent's " + parent.timestamp());
        }
        long limit = clockMillis.getAsLong() + genesis.parameters().maxFutureMillis();
        if (header.timestamp() > limit) {
            throw reject(header, "checkTimestamp", "time " + header.timestamp() + " is too far in the future (limit " + limit + ")");
        }
    }

    void checkDifficulty(BlockHeader header, BlockHeader parent, Ancestry ancestry) {
        long expected = expectedDifficulty(parent, ancestry);
        if (header.difficulty() != expected) {
            throw reject(header, "checkDifficulty", "difficulty " + header.difficulty() + " should be " + expected);
        }
    }

    void checkProofOfWork(BlockHeader header) {
        if (!ProofOfWork.satisfiedBy(header)) {
            throw reject(header, "checkProofOfWork", "hash " + header.hash().shortHex() + " is not below the target of difficulty " + header.difficulty());
        }
    }

    void checkSealer(Block block) {
        BlockHeader header = block.header();
        if (!genesis.isSealer(header.sealer())) {
            throw reject(header, "checkSealer", header.sealer() + " is not an authorised sealer");
        }
        if (!block.hasValidSealerSignature(genesis.sealerKey(header.sealer()))) {
            throw reject(header, "checkSealer", "the sealer's signature does not match the header");
        }
    }

    void checkMerkleRoot(Block block) {
        List<Hash> ids = block.transactionIds();
        Set<Hash> distinct = new HashSet<>(ids);
        if (distinct.size() != ids.size()) {
            throw reject(block.header(), "checkMerkleRoot", "the block lists a transaction twice");
        }
        if (!MerkleTree.rootOf(ids).equals(block.header().merkleRoot())) {
            throw reject(block.header(), "checkMerkleRoot", "the Merkle root does not match the transactions");
        }
    }

    void checkTransactions(Block block, WorldState state) {
        BlockHeader header = block.header();
        if (block.transactions().size() > genesis.parameters().maxBlockTransactions()) {
            throw reject(header, "checkTransactions", "more than " + genesis.parameters().maxBlockTransactions() + " transactions");
        }
        BlockContext context = new BlockContext(header.height(), header.timestamp(), header.sealer(), genesis.parameters());
        int index = 0;
        for (Transaction tx : block.transactions()) {
            try {
                admit(tx, state);
                state.apply(tx, context);
            } catch (TransactionRejectedException e) {
                throw reject(header, "checkTransactions", "transaction " + index + " (" + tx.id().shortHex() + "): "
                        + e.rule() + ": " + e.getMessage());
            }
            index++;
        }
    }

    /**
     * The checks a transaction must pass against a state before it is applied: the same at block
     * assembly and in a block. Its nonce must be exactly the sender's next one.
     */
    public void admit(Transaction tx, WorldState state) {
        admit(tx, state, 1);
    }

    /**
     * The checks at mempool admission: as {@link #admit(Transaction, WorldState)}, but the nonce may
     * lie up to {@code nonceWindow} ahead of the sender's next one, so a sender can queue many.
     */
    public void admit(Transaction tx, WorldState state, long nonceWindow) {
        if (tx.chainId() != genesis.chainId()) {
            throw new TransactionRejectedException("chainId", "meant for chain " + tx.chainId() + ", not " + genesis.chainId());
        }
        if (!signatures.isValid(tx)) {
            throw new TransactionRejectedException("signature", "the signature does not match the sender's key");
        }
        if (!state.maySend(tx.senderAddress())) {
            throw new TransactionRejectedException("sender", tx.senderAddress() + " is not a registered sender");
        }
        long expected = state.nextNonce(tx.senderAddress());
        if (tx.nonce() < expected) {
            throw new TransactionRejectedException("nonce", "nonce " + tx.nonce() + " was already used; the next is " + expected);
        }
        if (tx.nonce() >= expected + nonceWindow) {
            throw new TransactionRejectedException("nonce", nonceWindow == 1
                    ? "nonce " + tx.nonce() + " should be " + expected
                    : "nonce " + tx.nonce() + " is more than " + nonceWindow + " ahead of the next, " + expected);
        }
        long minimum = state.minimumFee(tx.call());
        if (tx.fee() < minimum) {
            throw new TransactionRejectedException("fee", "fee " + tx.fee() + " is below the minimum of " + minimum);
        }
    }

    void checkStateRoot(BlockHeader header, WorldState state) {
        if (!state.root().equals(header.stateRoot())) {
            throw reject(header, "checkStateRoot", "the state root after the block is " + state.root().shortHex()
                    + ", the header says " + header.stateRoot().shortHex());
        }
    }

    private static BlockRejectedException reject(BlockHeader header, String rule, String explanation) {
        return new BlockRejectedException(header.height(), rule, explanation);
    }
}
