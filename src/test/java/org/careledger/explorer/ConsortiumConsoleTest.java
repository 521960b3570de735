package org.careledger.explorer;

import java.time.Duration;
import java.util.List;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.explorer.ConsortiumNode.TipAgreement;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.SecurityAudit;
import org.careledger.identity.SecurityEvent;
import org.careledger.identity.SecurityEventFilter;
import org.careledger.identity.SecurityEventLog;
import org.careledger.identity.TestAccounts;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.Transaction;
import org.careledger.node.LedgerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admins' consortium console on the running portal's three in-process nodes. */
class ConsortiumConsoleTest extends IntegrationTest {

    static final String ADMIN = DemoAccounts.ADMIN.username();

    @Autowired
    ConsortiumConsole console;
    @Autowired
    LedgerService ledger;

    @Autowired
    org.careledger.node.ConsortiumControl control;
    @Autowired
    SecurityEventLog securityEvents;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(ADMIN, Role.ADMIN);
    }

    @AfterEach
    void everyNodeSealsAgain() {
        control.nodeNames().forEach(control::resumeSealing);
        TestAccounts.signOut();
    }

    @Test
    void onlyAdminsSeeOrSteerTheConsortium() {
        for (Role role : new Role[] {Role.PATIENT, Role.DOCTOR, Role.PHARMACIST}) {
            TestAccounts.signIn(role.name().toLowerCase() + "@careledger.test", role);
            assertThatThrownBy(() -> console.nodes()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> console.pauseSealing("riverside")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> console.resumeSealing("riverside")).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(control.nodes()).allMatch(n -> !n.sealingPaused());
    }

    @Test
    void everyNodeIsShownWithItsHospitalSealerAndPeersAndTheirTipsAgree() {
        long height = ledger.awaitCommitted(transfer().id(), Duration.ofSeconds(30));
        Await.until("every node holds block " + height, () -> console.nodes().stream().allMatch(n -> n.height() >= height
                && n.tipAgreement() == TipAgreement.AGREES));

        List<ConsortiumNode> nodes = console.nodes();
        assertThat(nodes).extracting(ConsortiumNode::name).containsExactlyElementsOf(DevConsortium.NAMES);
        assertThat(nodes).extracting(n -> n.hospital().orElse("?"))
                .containsExactly("St. Mary's General Hospital", "Riverside Children's Hospital", "Northgate Community Pharmacy");
        assertThat(nodes).extracting(ConsortiumNode::sealer)
                .containsExactly(DevConsortium.sealerKey(0).address(), DevConsortium.sealerKey(1).address(), DevConsortium.sealerKey(2).address());
        assertThat(nodes.get(0).home()).isTrue();
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.peers()).isEqualTo(2);
            assertThat(n.peersReachable()).isEqualTo(2);
            assertThat(n.storeBytes()).isPositive();
            assertThat(n.difficulty()).isPositive();
            assertThat(n.sealing()).isTrue();
            assertThat(n.blocksBehind()).isZero();
        });
    }

    @Test
    void aPausedNodeSealsNothingButFollowsTheChainWhileTheOthersGoOn() {
        Address riverside = DevConsortium.sealerKey(1).address();
        console.pauseSealing("riverside");
        assertThat(node("riverside").sealingPaused()).isTrue();
        assertThat(node("riverside").sealing()).isFalse();
        long pausedAt = ledger.tip().height();

        long last = 0;
        for (int i = 0; i < 3; i++) { // three heights in a row: one of them is riverside's turn
            last = ledger.awaitCommitted(transfer().id(), Duration.ofSeconds(30));
        }
        long reached = last;
        assertThat(reached).as("the chain went on").isGreaterThanOrEqualTo(pausedAt + 3);
        Await.until("riverside follows to block " + reached, () -> node("riverside").height() >= reached);
        List<BlockHeader> since = ledger.headers(reached, (int) (reached - pausedAt));
        assertThat(since).filteredOn(h -> h.height() > pausedAt + 1)
                .as("blocks sealed after the pause (one in search may still land)").extracting(BlockHeader::sealer)
                .doesNotContain(riverside).isNotEmpty();
        assertThat(lastEvent(SecurityAudit.SEALING_PAUSED)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo(ADMIN);
            assertThat(e.outcome()).isEqualTo("paused sealing on node riverside");
        });

        console.resumeSealing("riverside");

        assertThat(node("riverside").sealing()).isTrue();
        assertThat(lastEvent(SecurityAudit.SEALING_RESUMED).outcome()).isEqualTo("resumed sealing on node riverside");
        assertThatThrownBy(() -> console.resumeSealing("riverside")).isInstanceOf(OperationNotAllowedException.class)
                .hasMessage("Node riverside is sealing already.");
    }

    @Test
    void theLastNodeStillSealingCannotBePausedNorAnUnknownOne() {
        console.pauseSealing("st-marys");
        console.pauseSealing("northgate");

        assertThatThrownBy(() -> console.pauseSealing("riverside")).isInstanceOf(OperationNotAllowedException.class)
                .hasMessageContaining("riverside is the last node still sealing blocks");
        assertThat(node("riverside").sealing()).isTrue();
        assertThatThrownBy(() -> console.pauseSealing("northgate")).isInstanceOf(OperationNotAllowedException.class)
                .hasMessage("Node northgate's sealing is paused already.");
        assertThatThrownBy(() -> console.pauseSealing("city-general")).isInstanceOf(NotFoundException.class)
                .hasMessage("There is no ledger node named city-general");

        console.resumeSealing("northgate");
        console.pauseSealing("riverside");
        assertThat(console.nodes()).filteredOn(ConsortiumNode::sealing).extracting(ConsortiumNode::name).containsExactly("northgate");
    }

    private ConsortiumNode node(String name) {
        return console.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private SecurityEvent lastEvent(String kind) {
        return securityEvents.page(new SecurityEventFilter(ADMIN, kind, null, null), null, 1).events().get(0);
    }

    private Transaction transfer() {
        return ledger.submit(DevAccounts.ganacheAccount(5), Tokens.transfer(DevAccounts.ganacheAccount(6).address(), 1), 1000);
    }
}
