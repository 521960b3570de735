package org.careledger.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.careledger.contracts.Contracts;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.ledger.TestChains.*;

/**
 * A node admits its peers' transactions on several workers at once: under many concurrent
 * submitters it still refuses bad signatures and used nonces with the right rule, admits every
 * valid transaction once, and its pool still hands each sender's transactions out in nonce order.
 */
class ConcurrentAdmissionTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);
    private static final PrivateKey CAROL = DevAccounts.ganacheAccount(2);
    private static final Genesis SOLO = Genesis.dev(CHAIN_ID, GENESIS_TIME, List.of(new Genesis.Sealer("solo", SEALER_A.publicKey())));

    @TempDir
    Path dataDir;

    /** A copy of {@code tx} with one byte of its fee changed: it decodes, but its signature no longer matches. */
    private static Transaction tampered(Transaction tx) {
        byte[] bytes = tx.encode();
        bytes[bytes.length - 64 - 1] ^= 0x01; // the fee's last byte, just before the 64-byte signature
        return Transaction.decode(bytes);
    }

    @Test
    void concurrentAdmissionRefusesWithTheRightRuleAndKeepsNonceOrder() throws Exception {
        InMemoryNetwork network = new InMemoryNetwork(3);
        try (Node node = new Node("solo", SEALER_A, SOLO, Contracts.standard(), dataDir, network, System::currentTimeMillis, 1, 4)) {
            // Alice's nonces 0..4 are used by a block the node accepts
            List<Transaction> first = new ArrayList<>();
            for (long nonce = 0; nonce < 5; nonce++) {
                first.add(transfer(ALICE, nonce, BOB, 1));
            }
            node.produced(mineNext(node.chain(), SEALER_A, first, System.currentTimeMillis()));
            assertThat(node.chain().height()).isEqualTo(1);

            Map<Transaction, String> expected = new ConcurrentHashMap<>(); // "ok" or the rule
            for (long nonce = 5; nonce < 125; nonce++) {
                expected.put(transfer(ALICE, nonce, CAROL, 1), "ok");
            }
            for (long nonce = 0; nonce < 120; nonce++) {
                Transaction valid = transfer(BOB, nonce, CAROL, 1);
                expected.put(valid, "ok");
                if (nonce % 6 == 0) {
                    expected.put(tampered(transfer(CAROL, nonce, BOB, 1)), "signature");
                }
            }
            for (long nonce = 0; nonce < 5; nonce++) {
                expected.put(transfer(ALICE, nonce, CAROL, 2), "nonce"); // a used nonce, another transfer
            }
            List<Transaction> all = new ArrayList<>(expected.keySet());
            Collections.shuffle(all, new Random(42));

            int submitters = 8;
            Map<Transaction, CompletableFuture<Boolean>> outcomes = new ConcurrentHashMap<>();
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < submitters; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                        Transaction tx = all.get(i);
                        outcomes.put(tx, node.admitAsync(tx));
                        if (i % 7 == 0) {
                            node.receiveTransaction(tx, "peer"); // the same again, as a peer would relay it
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join(30_000);
            }

            assertThat(outcomes).hasSize(all.size());
            for (Transaction tx : all) {
                String want = expected.get(tx);
                try {
                    outcomes.get(tx).get(30, TimeUnit.SECONDS);
                    assertThat("ok").as("outcome of %s", tx).isEqualTo(want);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).as("outcome of %s", tx).isInstanceOf(TransactionRejectedException.class);
                    assertThat(((TransactionRejectedException) e.getCause()).rule()).as("rule for %s", tx).isEqualTo(want);
                }
            }
            assertThat(node.mempool().size()).isEqualTo(240);

            List<Transaction> selected = node.mempool().select(node.chain().tipStateForReading(), 10_000);
            assertThat(selected).hasSize(240);
            Map<Address, Long> nextNonce = new ConcurrentHashMap<>(Map.of(ALICE.address(), 5L, BOB.address(), 0L));
            for (Transaction tx : selected) {
                assertThat(tx.nonce()).as("nonce order of %s", tx.senderAddress()).isEqualTo(nextNonce.get(tx.senderAddress()));
                nextNonce.merge(tx.senderAddress(), 1L, Long::sum);
            }

            // a block delivered by a peer after these is validated once they are admitted, and includes them all
            Block block = mineNext(node.chain(), SEALER_A, selected, System.currentTimeMillis());
            node.receiveBlock(block, "peer");
            assertThat(node.chain().height()).isEqualTo(2);
            assertThat(node.mempool().size()).isZero();
        } finally {
            network.close();
        }
    }
}
