package org.careledger.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.ProofSubjects;
import org.careledger.explorer.internal.ReceiptRows;
import org.careledger.identity.AppRoles;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.node.ChainSummary;
import org.careledger.node.LedgerService;
import org.careledger.records.ProofDownload;
import org.springframework.stereotype.Service;

/**
 * The chain as the explorer shows it: the overview, pages of blocks, a block, a transaction and its
 * proof bundle. Everyone signed in may look; what a patient sees is limited to their own account's
 * transactions, decided here (never by the menu): blocks' headers are public, their transactions not.
 */
@Service
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
public class ChainExplorer {

    /** Blocks and transactions on the overview. */
    public static final int LATEST = 10;
    /** Blocks on a page of the block list. */
    public static final int BLOCKS_PER_PAGE = 25;
    /** The most transactions a block's page lists. */
    public static final int MAX_BLOCK_TRANSACTIONS = 500;

    private final LedgerService ledger;
    private final ReceiptRows receipts;
    private final TransactionReader reader;
    private final Viewer.Viewers viewers;

    ChainExplorer(LedgerService ledger, ReceiptRows receipts, TransactionReader reader, Viewer.Viewers viewers) {
        this.ledger = ledger;
        this.receipts = receipts;
        this.reader = reader;
        this.viewers = viewers;
    }

    /** Counters and averages of the chain, the latest blocks and the latest transactions the viewer may see. */
    public ExplorerOverview overview() {
        Viewer me = viewers.require();
        ChainSummary summary = ledger.summary();
        List<Block> recent = ledger.blocks(summary.height(), LATEST);
        List<BlockRow> blocks = recent.stream().map(this::row).toList();
        ContractState state = ledger.committedStateForReading();
        List<TxRow> txs = new ArrayList<>();
        if (me.isPatient()) {
            txs.addAll(AccountExplorer.page(reader, receipts, ledger, me, me.address(), null, LATEST, state).items());
        } else {
            for (Block b : recent) {
                List<Transaction> inBlock = b.transactions();
                for (int i = inBlock.size() - 1; i >= 0 && txs.size() < LATEST; i--) {
                    txs.add(reader.row(me, inBlock.get(i), TxStatus.COMMITTED, b.height(), i, Instant.ofEpochMilli(b.header().timestamp()),
                            state));
                }
            }
        }
        return new ExplorerOverview(summary, blocks, txs, me.isPatient());
    }

    /** A page of the main chain's blocks, newest first, from {@code fromHeight} down (null: from the tip). */
    public List<BlockRow> blocks(Long fromHeight) {
        viewers.require();
        long from = fromHeight == null ? Long.MAX_VALUE : fromHeight;
        if (from < 0) {
            throw InvalidInputException.of("height", "A height is 0 or more");
        }
        List<BlockRow> out = new ArrayList<>(ledger.blocks(from, BLOCKS_PER_PAGE).stream().map(this::row).toList());
        if (out.size() < BLOCKS_PER_PAGE && (out.isEmpty() || out.get(out.size() - 1).height() == 1 || from == 0)) {
            ledger.headerAt(0).ifPresent(g -> out.add(new BlockRow(0, g.hash(), Instant.ofEpochMilli(g.timestamp()), 0, "genesis",
                    g.difficulty())));
        }
        return out;
    }

    /**
     * Block {@code heightOrHash} (a height, or a block hash with or without 0x) with every header field.
     *
     * @throws InvalidInputException if it is neither
     * @throws NotFoundException     if the main chain has no such block
     */
    public BlockDetails block(String heightOrHash) {
        Viewer me = viewers.require();
        String text = heightOrHash == null ? "" : heightOrHash.strip();
        if (ExplorerInput.isHeight(text)) {
            long height = Long.parseLong(text);
            if (height == 0) {
                return genesis(me);
            }
            return details(me, ledger.blockAt(height).orElseThrow(() -> new NotFoundException("This chain has no block at height "
                    + height + " yet (its height is " + ledger.summary().height() + ")")));
        }
        Hash hash = ExplorerInput.hash("block hash", text);
        if (ledger.isGenesis(hash)) {
            return genesis(me);
        }
        return details(me, ledger.blockByHash(hash).orElseThrow(() -> new NotFoundException("This chain has no block " + hash.hex())));
    }

    /**
     * Transaction {@code id}'s page: pending, in a block, or refused.
     *
     * @throws InvalidInputException                                 if {@code id} is not 64 hex characters
     * @throws NotFoundException                                     if this chain has no such transaction
     * @throws org.careledger.common.OperationNotAllowedException    if a patient asks for another account's transaction
     */
    public TxDetails transaction(String id) {
        return reader.details(viewers.require(), ExplorerInput.hash("transaction id", id));
    }

    /**
     * The proof bundle of committed transaction {@code id} (its subject derived from the transaction,
     * as {@code ledger proof export} does), to download as JSON or QR; empty while it is not in a block.
     * The same checks as {@link #transaction} apply.
     */
    public Optional<ProofDownload> proofOf(String id) {
        TxDetails tx = transaction(id);
        if (tx.status() != TxStatus.COMMITTED) {
            return Optional.empty();
        }
        return ledger.committedTransaction(tx.id()).flatMap(located -> ledger.proofOf(tx.id(), ProofSubjects.of(located.transaction())))
                .map(b -> ProofDownload.of("careledger-proof-" + tx.id().shortHex() + ".json", b.toJson()));
    }

    private BlockRow row(Block b) {
        return new BlockRow(b.height(), b.hash(), Instant.ofEpochMilli(b.header().timestamp()), b.transactions().size(),
                sealerNode(b.header()), b.header().difficulty());
    }

    private BlockDetails details(Viewer me, Block block) {
        BlockHeader h = block.header();
        ContractState state = ledger.committedStateForReading();
        Instant time = Instant.ofEpochMilli(h.timestamp());
        Duration mining = ledger.headerAt(h.height() - 1).map(p -> Duration.ofMillis(Math.max(0, h.timestamp() - p.timestamp())))
                .orElse(null);
        List<Transaction> txs = block.transactions();
        List<TxRow> shown = new ArrayList<>();
        if (me.isPatient()) {
            Set<String> mine = new HashSet<>(h.height() <= receipts.appliedHeight()
                    ? receipts.inBlockConcerning(me.address().toLowerHex(), h.height()) : List.of());
            for (int i = 0; i < txs.size() && shown.size() < MAX_BLOCK_TRANSACTIONS; i++) {
                Transaction tx = txs.get(i);
                boolean yours = h.height() <= receipts.appliedHeight() ? mine.contains(tx.id().hex()) : reader.maySee(me, tx, state);
                if (yours) {
                    shown.add(reader.row(me, tx, TxStatus.COMMITTED, h.height(), i, time, state));
                }
            }
        } else {
            for (int i = 0; i < txs.size() && i < MAX_BLOCK_TRANSACTIONS; i++) {
                shown.add(reader.row(me, txs.get(i), TxStatus.COMMITTED, h.height(), i, time, state));
            }
        }
        return new BlockDetails(h.height(), h.hash(), h.previousHash(), h.merkleRoot(), h.stateRoot(), time, h.difficulty(), h.nonce(),
                reader.label(me, h.sealer(), state), sealerNode(h), mining, block.sizeBytes(), txs.size(), shown, me.isPatient(), false);
    }

    private BlockDetails genesis(Viewer me) {
        BlockHeader g = ledger.headerAt(0).orElseThrow();
        return new BlockDetails(0, g.hash(), g.previousHash(), g.merkleRoot(), g.stateRoot(), Instant.ofEpochMilli(g.timestamp()),
                g.difficulty(), g.nonce(), null, "genesis", null, BlockHeader.SIZE, 0, List.of(), me.isPatient(), true);
    }

    /** The sealer's node name as the genesis names it. */
    private String sealerNode(BlockHeader h) {
        Genesis genesis = ledger.genesis();
        return genesis.sealers().stream().filter(s -> s.address().equals(h.sealer())).map(Genesis.Sealer::name).findFirst()
                .orElse(h.height() == 0 ? "genesis" : "unknown sealer");
    }
}
