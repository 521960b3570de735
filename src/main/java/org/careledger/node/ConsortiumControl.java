package org.careledger.node;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.Chain;
import org.careledger.ledger.Node;
import org.careledger.ledger.StoredChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consortium's nodes as the admins' console reads and steers them: each node's status, pausing
 * and resuming its sealing (never the last node still sealing), and the re-validation of its store.
 * {@link LedgerService} is the portal's door to the chain; this is the door to the nodes themselves.
 */
public class ConsortiumControl {

    private static final Logger log = LoggerFactory.getLogger(ConsortiumControl.class);

    private final Consortium consortium;
    private final LedgerService ledger;

    ConsortiumControl(Consortium consortium, LedgerService ledger) {
        this.consortium = consortium;
        this.ledger = ledger;
    }

    /** Every node of the consortium now, the home node first. */
    public List<NodeStatus> nodes() {
        Node home = ledger.requireReady();
        List<NodeStatus> out = new ArrayList<>();
        for (Node node : consortium.nodes()) {
            Chain chain = node.chain();
            BlockHeader tip = chain.tip();
            out.add(new NodeStatus(node.name(), node.sealerAddress(), node == home, tip.height(), tip.hash(),
                    Instant.ofEpochMilli(tip.timestamp()), node.reachablePeers(), node.knownPeers(), node.hashesPerSecond(),
                    chain.nextDifficulty(), node.mempool().size(), node.mempool().bytes(), node.storeBytes(),
                    node.checkpointHeight(), node.sealingPaused(), node.refusal()));
        }
        return out;
    }

    /**
     * Stops node {@code name} sealing blocks; it keeps validating and following the chain, and the
     * others seal in its place. Never the last node still sealing: the chain would stop.
     *
     * @throws NotFoundException              if there is no such node
     * @throws OperationNotAllowedException   if it is the last node sealing
     */
    public synchronized void pauseSealing(String name) {
        Node node = node(name);
        if (node.sealingPaused()) {
            return;
        }
        long stillSealing = consortium.nodes().stream().filter(n -> n != node && !n.sealingPaused() && n.refusal().isEmpty()).count();
        if (stillSealing == 0) {
            throw new OperationNotAllowedException(name + " is the last node still sealing blocks: pausing it would stop the chain."
                    + " Resume another node first.");
        }
        node.pauseSealing();
        log.info("Ledger: sealing paused on node {}", name);
    }

    /** Lets node {@code name} seal blocks again. */
    public synchronized void resumeSealing(String name) {
        Node node = node(name);
        if (node.sealingPaused()) {
            node.resumeSealing();
            log.info("Ledger: sealing resumed on node {}", name);
        }
    }

    /** The names of the consortium's nodes, the home node first. */
    public List<String> nodeNames() {
        return consortium.nodes().stream().map(Node::name).toList();
    }

    /**
     * Re-validates node {@code name}'s block store from genesis, read-only, beside the running node:
     * the checks of {@code ledger verify} (records' checksums, every block's rules, the node's signed
     * checkpoint). Runs on the caller's thread, checking signatures on {@code verifiers} if given.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} asks to stop
     * @throws NotFoundException                          if there is no such node
     */
    public StoreAuditResult auditStore(String name, ExecutorService verifiers, StoredChain.Progress progress) {
        Node node = node(name);
        return StoreAudits.audit(consortium.dataDir(), consortium.genesis(), name, node.sealerAddress(), verifiers, progress);
    }

    private Node node(String name) {
        ledger.requireReady();
        return consortium.nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no ledger node named " + name));
    }
}
