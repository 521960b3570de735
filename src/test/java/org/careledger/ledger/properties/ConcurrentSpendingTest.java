package org.careledger.ledger.properties;

import org.careledger.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.StateView;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Arg;
import org.careledger.ledger.Block;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.InMemoryNetwork;
import org.careledger.ledger.Node;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.ledger.WorldState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.properties.Ledgers.*;

/**
 * Sixteen threads race to spend one account's 100 tokens through a three-node consortium, 30
 * tokens at a time, with nonces 0 to 15 and with competing transactions for the same nonces sent
 * to the same node and to other nodes. 100 tokens pay for three transfers of 30 plus their fees
 * (3 x 30,001,000 = 90,003,000 base units; a fourth would need 120,004,000), so exactly three
 * are committed, whichever of the competitors win, and nothing ever overdraws.
 */
class ConcurrentSpendingTest {

    private static final int THREADS = 16;
    private static final long AMOUNT = 30 * TOKEN;
    private static final long FEE = 1000;
    private static final PrivateKey SPENDER = account(0);
    private static final PrivateKey SEALER_C = account(9);
    private static final Genesis THREE = Genesis.dev(TestChains.CHAIN_ID, TestChains.GENESIS_TIME, List.of(
            new Genesis.Sealer("st-marys", TestChains.SEALER_A.publicKey()),
            new Genesis.Sealer("riverside", TestChains.SEALER_B.publicKey()),
            new Genesis.Sealer("northgate", SEALER_C.publicKey())));

    @TempDir
    Path dataDir;

    private final List<Node> nodes = new ArrayList<>();
    private InMemoryNetwork network;
    private ExecutorService threads;

    @AfterEach
    void stop() {
        if (threads != null) {
            threads.shutdownNow();
        }
        nodes.forEach(Node::close);
        if (network != null) {
            network.close();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void manyThreadsSpendingTheSameBalanceCommitExactlyWhatItAllows() throws Exception {
        network = new InMemoryNetwork(11);
        network.setDelayMillis(2);
        nodes.add(new Node("st-marys", TestChains.SEALER_A, THREE, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1));
        nodes.add(new Node("riverside", TestChains.SEALER_B, THREE, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1));
        nodes.add(new Node("northgate", SEALER_C, THREE, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1));

        Queue<String> violations = new ConcurrentLinkedQueue<>();
        for (Node node : nodes) {
            node.onChainUpdate(update -> {
                WorldState state = node.chain().tipState();
                balanceEntries(state).forEach((key, value) -> {
                    if (StateView.toLong(value) < 0) {
                        violations.add(node.name() + ": " + key + " is negative after " + update.block());
                    }
                });
                if (supply(state) != THREE.totalSupply()) {
                    violations.add(node.name() + ": supply " + supply(state) + " after " + update.block());
                }
            });
        }
        nodes.forEach(Node::start);

        // For each nonce: the plain transfer to Bob, a competitor to Carol at the same node and another to Dave elsewhere.
        List<List<Runnable>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            work.add(new ArrayList<>());
        }
        Set<Hash> submitted = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        for (int nonce = 0; nonce < THREADS; nonce++) {
            Node home = nodes.get(nonce % 3);
            Node other = nodes.get((nonce + 1) % 3);
            Transaction plain = transfer(SPENDER, nonce, account(1).address(), AMOUNT, FEE);
            Transaction sameNode = transfer(SPENDER, nonce, account(2).address(), AMOUNT, FEE);
            Transaction otherNode = transfer(SPENDER, nonce, account(3).address(), AMOUNT, FEE + 1);
            submitted.addAll(List.of(plain.id(), sameNode.id(), otherNode.id()));
            work.get(nonce).add(submission(home, plain, outcomes, unexpected));
            work.get((nonce + 1) % THREADS).add(submission(home, sameNode, outcomes, unexpected));
            work.get((nonce + 2) % THREADS).add(submission(other, otherNode, outcomes, unexpected));
        }
        Random random = new Random(42);
        work.forEach(list -> Collections.shuffle(list, random));

        threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        for (List<Runnable> list : work) {
            threads.execute(() -> {
                try {
                    go.await();
                    list.forEach(Runnable::run);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        go.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).as("every submission returned").isTrue();
        assertThat(unexpected).as("submissions fail only with a TransactionRejectedException").isEmpty();

        Await.until("three transfers are committed on every node and the nodes agree", Duration.ofSeconds(15),
                () -> nodes.stream().allMatch(n -> n.chain().tipState().nextNonce(SPENDER.address()) == 3) && converged());
        Await.until("no node has anything left it could put in a block", Duration.ofSeconds(15),
                () -> nodes.stream().allMatch(n -> n.mempool().select(n.chain().tipState(), 10_000).isEmpty()) && converged());

        List<Transaction> committed = new ArrayList<>();
        for (Block block : nodes.get(0).chain().mainChainBlocks()) {
            block.transactions().stream().filter(tx -> tx.senderAddress().equals(SPENDER.address())).forEach(committed::add);
        }
        assertThat(committed).as("committed spends, outcomes of submissions %s", outcomes).hasSize(3);
        assertThat(committed).extracting(Transaction::nonce).containsExactly(0L, 1L, 2L);
        assertThat(committed).allSatisfy(tx -> {
            assertThat(submitted).contains(tx.id());
            assertThat(((Arg.U64) tx.call().args().get(1)).value()).isEqualTo(AMOUNT);
        });
        long fees = committed.stream().mapToLong(Transaction::fee).sum();
        for (Node node : nodes) {
            WorldState state = node.chain().tipState();
            assertThat(balance(state, SPENDER.address())).isEqualTo(100 * TOKEN - 3 * AMOUNT - fees).isNotNegative();
            assertThat(balance(state, account(1).address()) + balance(state, account(2).address())
                    + balance(state, account(3).address())).isEqualTo(300 * TOKEN + 3 * AMOUNT);
            assertThat(supply(state)).isEqualTo(THREE.totalSupply());
            assertThat(state.root()).isEqualTo(nodes.get(0).chain().tipState().root());
        }
        assertThat(new HashSet<>(committed)).hasSize(3);
        assertThat(violations).as("invariants at every block on every node").isEmpty();
    }

    private static Runnable submission(Node node, Transaction tx, Map<String, AtomicInteger> outcomes, Queue<Throwable> unexpected) {
        return () -> {
            String outcome;
            try {
                node.submit(tx, 5_000);
                outcome = "admitted";
            } catch (TransactionRejectedException e) {
                outcome = "refused:" + e.rule();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = "interrupted";
            } catch (RuntimeException e) {
                unexpected.add(e);
                outcome = "failed:" + e.getClass().getSimpleName();
            }
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        };
    }

    private boolean converged() {
        Hash tip = nodes.get(0).chain().tip().hash();
        return nodes.stream().allMatch(n -> n.chain().tip().hash().equals(tip));
    }

}
