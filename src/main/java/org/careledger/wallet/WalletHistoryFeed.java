package org.careledger.wallet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.careledger.contracts.ContractState;
import org.careledger.crypto.Address;
import org.careledger.node.BlockMined;
import org.careledger.node.CommittedBlock;
import org.careledger.node.LedgerService;
import org.careledger.node.TransactionCommitted;
import org.careledger.wallet.internal.MovementRow;
import org.careledger.wallet.internal.MovementRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code wallet_movements} in step with the home node's main chain. The node announces each
 * block's transactions, then the block, on its own thread while it holds its block lock; they are
 * taken off that thread to one worker of the wallet's, which collects a block's rows and writes them
 * with the block. A block that does not follow the last one applied (blocks announced while the
 * history was catching up, or missed in a crash) makes the worker catch up from the chain instead.
 * Once the ledger is ready, the worker catches up in the background from where the history stopped,
 * so an empty table is rebuilt from the chain's blocks without delaying the start.
 */
@Component
class WalletHistoryFeed {

    private static final Logger log = LoggerFactory.getLogger(WalletHistoryFeed.class);
    private static final int BLOCKS_PER_STEP = 500;

    private final LedgerService ledger;
    private final MovementRows rows;
    private final TokenEffects effects;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "careledger-wallet-history");
        t.setDaemon(true);
        return t;
    });
    /** The rows of the block being announced, by transaction (worker thread only). */
    private final Map<String, List<MovementRow>> announced = new LinkedHashMap<>();

    WalletHistoryFeed(LedgerService ledger, MovementRows rows, TokenEffects effects) {
        this.ledger = ledger;
        this.rows = rows;
        this.effects = effects;
        ledger.whenReady(() -> onWorker(this::catchUp));
    }

    @EventListener
    void on(TransactionCommitted tx) {
        onWorker(() -> announced.put(tx.transactionId().hex(), rowsOf(tx, null)));
    }

    @EventListener
    void on(BlockMined block) {
        onWorker(() -> applyAnnounced(block));
    }

    private void applyAnnounced(BlockMined block) {
        List<MovementRow> found = new ArrayList<>();
        announced.values().forEach(list -> list.stream().filter(r -> r.height() == block.height())
                .map(r -> withTime(r, block.time())).forEach(found::add));
        announced.clear();
        if (block.height() > rows.appliedHeight() + 1) {
            catchUp(); // a gap: the chain has every block, including this one
        } else {
            rows.apply(found, block.height());
        }
    }

    /** Catches up on the feed's own thread (never beside it): for a rebuild asked for by hand, or a test. */
    Future<?> catchUpInBackground() {
        return worker.submit(this::catchUp);
    }

    /** Applies every main-chain block above the last one applied. */
    void catchUp() {
        try {
            List<CommittedBlock> blocks;
            do {
                blocks = ledger.committedAfter(rows.appliedHeight(), BLOCKS_PER_STEP);
                for (CommittedBlock block : blocks) {
                    List<MovementRow> found = new ArrayList<>();
                    block.transactions().forEach(tx -> found.addAll(rowsOf(tx, block.block().time())));
                    rows.apply(found, block.block().height());
                }
            } while (blocks.size() == BLOCKS_PER_STEP);
        } catch (RuntimeException e) {
            log.warn("The wallet history could not catch up with the chain now; the next block tries again: {}", e.toString());
        }
    }

    /** One row per account whose tokens the transaction moved: each payer and payee, and the sender for its fee. */
    private List<MovementRow> rowsOf(TransactionCommitted tx, Instant time) {
        String callName = TokenEffect.nameOf(tx.call());
        Map<Address, MovementRow> byAccount = new LinkedHashMap<>();
        Supplier<ContractState> state = ledger::committedState; // the tip now: after the transaction's block
        for (TokenEffect.Movement m : effects.of(tx.sender(), tx.call(), state)) {
            add(byAccount, tx, time, callName, m.from(), m.to(), -m.amount());
            add(byAccount, tx, time, callName, m.to(), m.from(), m.amount());
        }
        if (tx.fee() > 0 || byAccount.containsKey(tx.sender())) {
            MovementRow own = byAccount.get(tx.sender());
            byAccount.put(tx.sender(), new MovementRow(tx.transactionId().hex(), tx.sender().toLowerHex(),
                    own == null ? null : own.counterpart(), callName, own == null ? 0 : own.amount(), tx.fee(), tx.height(), time));
        }
        return new ArrayList<>(byAccount.values());
    }

    private static void add(Map<Address, MovementRow> byAccount, TransactionCommitted tx, Instant time, String callName, Address account,
                            Address counterpart, long amount) {
        MovementRow before = byAccount.get(account);
        long sum = before == null ? amount : Math.addExact(before.amount(), amount);
        String other = account.equals(counterpart) ? (before == null ? null : before.counterpart()) : counterpart.toLowerHex();
        byAccount.put(account, new MovementRow(tx.transactionId().hex(), account.toLowerHex(), other, callName, sum, 0, tx.height(), time));
    }

    private static MovementRow withTime(MovementRow r, Instant time) {
        return new MovementRow(r.txId(), r.account(), r.counterpart(), r.callName(), r.amount(), r.fee(), r.height(), time);
    }

    private void onWorker(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("Wallet history: {}", e.toString());
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
