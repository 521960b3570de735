package org.careledger.explorer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.careledger.contracts.DevConsortium;
import org.careledger.explorer.ConsortiumNode.TipAgreement;
import org.careledger.ledger.Hash;
import org.careledger.node.NodeStatus;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the console tells agreeing, forked and lagging nodes apart, and names a node's hospital. */
class TipStandingTest {

    static final Hash A = Hash.sha256("tip a".getBytes(StandardCharsets.UTF_8));
    static final Hash B = Hash.sha256("tip b".getBytes(StandardCharsets.UTF_8));

    @Test
    void nodesOnOneTipAgreeAndANodeBelowItIsBehindByTheGap() {
        NodeStatus one = node("st-marys", 12, A);
        NodeStatus two = node("riverside", 12, A);
        NodeStatus late = node("northgate", 9, B);
        List<NodeStatus> all = List.of(one, two, late);

        assertThat(TipStanding.of(one, all)).isEqualTo(new TipStanding(TipAgreement.AGREES, 0));
        assertThat(TipStanding.of(late, all)).isEqualTo(new TipStanding(TipAgreement.BEHIND, 3));
    }

    @Test
    void twoTipsAtTheHighestHeightAreAForkOnBothSides() {
        NodeStatus one = node("st-marys", 12, A);
        NodeStatus two = node("riverside", 12, B);
        List<NodeStatus> all = List.of(one, two, node("northgate", 12, A));

        assertThat(TipStanding.of(one, all).agreement()).isEqualTo(TipAgreement.FORKED);
        assertThat(TipStanding.of(two, all).agreement()).isEqualTo(TipAgreement.FORKED);
    }

    @Test
    void aNodeIsNamedAfterTheProviderWhoseNameBeginsWithItsLetters() {
        List<ProviderView> providers = List.of(provider("Riverside Children's Hospital"), provider("St. Mary's General Hospital"));

        assertThat(ConsortiumHospitals.of("st-marys", providers)).contains("St. Mary's General Hospital");
        assertThat(ConsortiumHospitals.of("riverside", providers)).contains("Riverside Children's Hospital");
        assertThat(ConsortiumHospitals.of("northgate", providers)).isEmpty();
        assertThat(ConsortiumHospitals.of("st", providers)).as("too short to name anyone").isEmpty();
    }

    private static ProviderView provider(String name) {
        return new ProviderView(1, name, ProviderKind.HOSPITAL, "1 Hospital Lane", null);
    }

    private static NodeStatus node(String name, long height, Hash tip) {
        return new NodeStatus(name, DevConsortium.sealerKey(0).address(), false, height, tip, Instant.EPOCH, 2, 2, 0, 1, 0, 0, 0, -1,
                false, Optional.empty());
    }
}
