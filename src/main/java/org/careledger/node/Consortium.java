package org.careledger.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.InMemoryNetwork;
import org.careledger.ledger.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consortium in this process: one node per provider of the dev consortium, each with its own
 * key, block store under {@code <data dir>/nodes/<name>/blocks}, chain and state, joined by the
 * in-memory network. The first is the portal's home node.
 */
class Consortium implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Consortium.class);

    private final Genesis genesis;
    private final InMemoryNetwork network;
    private final List<Node> nodes = new ArrayList<>();

    Consortium(Path dataDir, LedgerSettings settings) {
        this.genesis = DevConsortium.genesis(settings.targetBlockMillis());
        this.network = new InMemoryNetwork(System.nanoTime());
        network.setDelayMillis(settings.networkDelayMillis());
        for (int i = 0; i < DevConsortium.NAMES.size(); i++) {
            Node node = new Node(DevConsortium.NAMES.get(i), DevConsortium.sealerKey(i), genesis, Contracts.standard(),
                    dataDir, network, System::currentTimeMillis, settings.effectiveMinerThreads());
            node.refusal().ifPresent(r -> log.error("Ledger node {} refuses to build on its store: {}", node.name(), r));
            if (node.truncatedBytesAtOpen() > 0) {
                log.warn("Ledger node {}: cut a torn tail of {} bytes left by a crash", node.name(), node.truncatedBytesAtOpen());
            }
            nodes.add(node);
        }
    }

    void start() {
        nodes.forEach(Node::start);
        log.info("Ledger: {} nodes at height {}, tip {}", nodes.size(), home().chain().height(), home().chain().tip().hash().shortHex());
    }

    Node home() {
        return nodes.get(0);
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    Genesis genesis() {
        return genesis;
    }

    @Override
    public void close() {
        nodes.forEach(Node::close);
        network.close();
    }
}
