package org.careledger.node;

import org.careledger.ledger.Node;
import org.springframework.context.ApplicationContext;

/** The running portal's home node, for tests of other modules that must reach past {@link LedgerService}. */
public final class TestLedger {

    private TestLedger() {
    }

    public static Node homeNode(ApplicationContext context) {
        return context.getBean(Consortium.class).home();
    }
}
