package org.careledger.explorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.careledger.contracts.ContractState;
import org.careledger.crypto.Address;
import org.careledger.explorer.internal.ReceiptRow;
import org.careledger.explorer.internal.ReceiptRows;
import org.careledger.ledger.Block;
import org.careledger.ledger.Transaction;
import org.careledger.node.BlockMined;
import org.careledger.node.CommittedBlock;
import org.careledger.node.LedgerService;
import org.careledger.node.TransactionCommitted;
import org.careledger.node.TransactionRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the explorer's receipts and per-address index in step with the home node's main chain, as
 * the wallet's history feed does: the node's events are taken off its thread to one worker, which
 * writes a block's receipts with the block. {@link BlockMined} alone drives it: the block, read by its
 * hash, holds every transaction with the nonce and place that {@link TransactionCommitted} does not
 * carry, so collecting those events as well would add nothing. A block that does not follow the last one applied
 * makes the worker catch up from the chain ({@link LedgerService#committedAfter}), and so does the
 * ledger becoming ready after a start, in the background: emptied tables are rebuilt from the chain
 * without delaying the start. A refusal is kept as the node announced it (it is not on the chain).
 */
@Component
class ExplorerFeed {

    private static final Logger log = LoggerFactory.getLogger(ExplorerFeed.class);
    private static final int BLOCKS_PER_STEP = 500;

    private final LedgerService ledger;
    private final ReceiptRows rows;
    private final CallEffects effects;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "careledger-explorer-feed");
        t.setDaemon(true);
        return t;
    });

    ExplorerFeed(LedgerService ledger, ReceiptRows rows, CallEffects effects) {
        this.ledger = ledger;
        this.rows = rows;
        this.effects = effects;
        ledger.whenReady(() -> onWorker(this::rebuildIfEmptiedAndCatchUp));
    }

    @EventListener
    void on(BlockMined block) {
        onWorker(() -> applyAnnounced(block));
    }

    @EventListener
    void on(TransactionRefused refused) {
        onWorker(() -> rows.refused(new ReceiptRow(refused.transactionId().hex(), ReceiptRow.REFUSED, null, null, null, null,
                refused.sender().toLowerHex(), null, refused.call().contract(), refused.call().method(), 0, refused.rule(),
                refused.reason(), List.of(), Set.of())));
    }

    private void applyAnnounced(BlockMined block) {
        if (block.height() > rows.appliedHeight() + 1) {
            catchUp(); // a gap: the chain has every block, including this one
            return;
        }
        Optional<Block> full = ledger.blockByHash(block.hash());
        if (full.isEmpty()) {
            return; // already left the main chain: the blocks replacing it are announced in turn
        }
        rows.apply(receiptsOf(full.get(), block.time()), block.height());
    }

    /** Catches up on the feed's own thread, never beside it: for a rebuild asked for by hand, or a test. */
    Future<?> catchUpInBackground() {
        return worker.submit(this::rebuildIfEmptiedAndCatchUp);
    }

    private void rebuildIfEmptiedAndCatchUp() {
        if (rows.resetIfEmptied()) {
            log.info("Explorer: its receipts are missing; rebuilding them from the chain in the background");
        }
        catchUp();
    }

    /** Applies every main-chain block above the last one applied. */
    void catchUp() {
        try {
            List<CommittedBlock> blocks;
            do {
                blocks = ledger.committedAfter(rows.appliedHeight(), BLOCKS_PER_STEP);
                for (CommittedBlock committed : blocks) {
                    BlockMined b = committed.block();
                    Optional<Block> full = ledger.blockByHash(b.hash());
                    if (full.isEmpty()) {
                        return; // a reorganisation meanwhile: its blocks are announced, and the next one catches up
                    }
                    rows.apply(receiptsOf(full.get(), b.time()), b.height());
                }
            } while (blocks.size() == BLOCKS_PER_STEP);
        } catch (RuntimeException e) {
            log.warn("The explorer could not catch up with the chain now; the next block tries again: {}", e.toString());
        }
    }

    private List<ReceiptRow> receiptsOf(Block block, Instant time) {
        ContractState state = ledger.committedStateForReading(); // after the block: what its calls named stays there
        List<ReceiptRow> out = new ArrayList<>();
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            List<TxEffect> found = effects.of(tx.id(), tx.senderAddress(), tx.call(), state);
            Set<String> addresses = CallEffects.concerned(tx.senderAddress(), tx.call(), found).stream().map(Address::toLowerHex)
                    .collect(Collectors.toSet());
            out.add(new ReceiptRow(tx.id().hex(), ReceiptRow.COMMITTED, block.height(), i, block.hash().hex(), time,
                    tx.senderAddress().toLowerHex(), tx.nonce(), tx.call().contract(), tx.call().method(), tx.fee(), null, null,
                    found.stream().map(ExplorerFeed::row).toList(), addresses));
        }
        return out;
    }

    static ReceiptRow.EffectRow row(TxEffect effect) {
        if (effect instanceof TxEffect.TokensMoved t) {
            return new ReceiptRow.EffectRow(ReceiptRow.EffectRow.TOKENS, t.from().toLowerHex(), t.to().toLowerHex(), t.amount(), null,
                    null, null, null, null);
        }
        TxEffect.ConsentChanged c = (TxEffect.ConsentChanged) effect;
        return new ReceiptRow.EffectRow(ReceiptRow.EffectRow.CONSENT, null, null, null, c.change(), c.subject().hex(),
                c.patient().toLowerHex(), c.doctor() == null ? null : c.doctor().toLowerHex(), c.detail());
    }

    private void onWorker(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("Explorer feed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the next start catches up from the chain
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
