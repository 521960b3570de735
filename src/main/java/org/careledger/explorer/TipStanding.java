package org.careledger.explorer;

import java.util.List;

import org.careledger.explorer.ConsortiumNode.TipAgreement;
import org.careledger.node.NodeStatus;

/**
 * Where one node's tip stands against every node's, read at one moment: behind the highest height
 * (by how many blocks), or at it and sharing the tip of every node there, or at it on a tip another
 * node at that height does not share (a fork, which the next block normally settles).
 */
record TipStanding(TipAgreement agreement, long blocksBehind) {

    static TipStanding of(NodeStatus node, List<NodeStatus> all) {
        long highest = all.stream().mapToLong(NodeStatus::height).max().orElse(node.height());
        if (node.height() < highest) {
            return new TipStanding(TipAgreement.BEHIND, highest - node.height());
        }
        boolean shared = all.stream().filter(n -> n.height() == highest).allMatch(n -> n.tip().equals(node.tip()));
        return new TipStanding(shared ? TipAgreement.AGREES : TipAgreement.FORKED, 0);
    }
}
