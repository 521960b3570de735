package org.careledger;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.careledger.ledger.Hash;
import org.careledger.ledger.Node;
import org.careledger.ledger.TransactionRejectedException;
import org.springframework.context.ApplicationContext;

/**
 * The running portal's in-process consortium, every node and not only the home one the portal
 * submits to, so a test can send a transaction through another hospital's node as another portal
 * of the consortium would; and the refusals any node's block assembler made, by transaction id
 * (a node tells only its own listeners what it refused). The node module's {@code Consortium} is
 * package-private and {@code TestLedger} gives only the home node, so the list is read by
 * reflection; a {@code TestLedger.nodes(context)} beside {@code homeNode} would make this plain.
 */
public final class ConsortiumNodes {

    private static final Map<Hash, TransactionRejectedException> REFUSED = new ConcurrentHashMap<>();
    private static final Map<Node, Boolean> LISTENED = new ConcurrentHashMap<>();

    private ConsortiumNodes() {
    }

    /** Every node of the consortium, the home node first, each already listened to for refusals. */
    @SuppressWarnings("unchecked")
    public static List<Node> of(ApplicationContext context) {
        try {
            Class<?> type = Class.forName("org.careledger.node.Consortium");
            Method nodes = type.getDeclaredMethod("nodes");
            nodes.setAccessible(true);
            List<Node> all = (List<Node>) nodes.invoke(context.getBean(type));
            for (Node node : all) {
                if (LISTENED.putIfAbsent(node, Boolean.TRUE) == null) {
                    node.onRefused(refused -> refused.forEach(r -> REFUSED.put(r.transaction().id(), r.reason())));
                }
            }
            return all;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the consortium's nodes", e);
        }
    }

    /** Why some node's block assembler refused transaction {@code id} for good, if one did since the nodes were listened to. */
    public static TransactionRejectedException refusalOf(Hash id) {
        return REFUSED.get(id);
    }
}
