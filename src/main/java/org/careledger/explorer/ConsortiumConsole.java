package org.careledger.explorer;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.SecurityAudit;
import org.careledger.node.ConsortiumControl;
import org.careledger.node.NodeStatus;
import org.springframework.stereotype.Service;

/**
 * The admins' consortium console: every node's health read together (height, tip and whether the
 * tips agree, peers, hash rate, difficulty, pool, store, checkpoint, sealing), and pausing or resuming
 * one node's sealing so an admin can watch the consortium go on without a sealer. Never the last node
 * still sealing (the ledger refuses it). Each pause and resume is a stored security event naming the
 * admin, and pages open on the console are told at once ({@link ConsortiumChanges}).
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class ConsortiumConsole {

    private final ConsortiumControl ledger;
    private final ConsortiumHospitals hospitals;
    private final SecurityAudit securityAudit;
    private final CurrentUser currentUser;
    private final ConsortiumChanges changes;

    ConsortiumConsole(ConsortiumControl ledger, ConsortiumHospitals hospitals, SecurityAudit securityAudit, CurrentUser currentUser,
                      ConsortiumChanges changes) {
        this.ledger = ledger;
        this.hospitals = hospitals;
        this.securityAudit = securityAudit;
        this.currentUser = currentUser;
        this.changes = changes;
    }

    /** Every node now, the home node first. */
    public List<ConsortiumNode> nodes() {
        List<NodeStatus> statuses = ledger.nodes();
        List<ConsortiumNode> out = new ArrayList<>(statuses.size());
        for (NodeStatus s : statuses) {
            TipStanding standing = TipStanding.of(s, statuses);
            out.add(new ConsortiumNode(s.name(), hospitals.of(s.name()), s.sealer(), s.home(), s.height(), s.tip(), s.tipTime(),
                    standing.agreement(), standing.blocksBehind(), s.peersReachable(), s.peers(), s.hashesPerSecond(),
                    s.nextDifficulty(), s.mempoolSize(), s.mempoolBytes(), s.storeBytes(), s.checkpointHeight(), s.sealingPaused(),
                    s.refusal()));
        }
        return out;
    }

    /**
     * Stops node {@code node} sealing; it keeps validating and following the chain.
     *
     * @throws OperationNotAllowedException if it is paused already, or is the last node still sealing
     * @throws org.careledger.common.NotFoundException if there is no such node
     */
    public void pauseSealing(String node) {
        NodeStatus status = status(node);
        if (status.sealingPaused()) {
            throw new OperationNotAllowedException("Node " + node + "'s sealing is paused already.");
        }
        ledger.pauseSealing(node);
        securityAudit.sealingPaused(admin(), node);
        changes.nodesChanged();
    }

    /**
     * Lets node {@code node} seal again.
     *
     * @throws OperationNotAllowedException if its sealing is not paused
     * @throws org.careledger.common.NotFoundException if there is no such node
     */
    public void resumeSealing(String node) {
        NodeStatus status = status(node);
        if (!status.sealingPaused()) {
            throw new OperationNotAllowedException("Node " + node + " is sealing already.");
        }
        ledger.resumeSealing(node);
        securityAudit.sealingResumed(admin(), node);
        changes.nodesChanged();
    }

    private NodeStatus status(String node) {
        if (node == null || node.isBlank()) {
            throw InvalidInputException.of("node", "Name the node");
        }
        return ledger.nodes().stream().filter(s -> s.name().equals(node)).findFirst()
                .orElseThrow(() -> new org.careledger.common.NotFoundException("There is no ledger node named " + node));
    }

    private String admin() {
        return currentUser.username().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in first"));
    }
}
