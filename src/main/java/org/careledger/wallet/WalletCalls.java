package org.careledger.wallet;

import java.util.Set;

import org.careledger.outbox.CallHook;
import org.careledger.outbox.CallKind;
import org.springframework.stereotype.Component;

/**
 * The wallet's own kind of call, a user's transfer, and its hook: a commit needs nothing more (the
 * history reads the chain), a refusal after queueing is told to its sender in the ledger's plain
 * words (the outbox's default).
 */
@Component
class WalletCalls implements CallHook {

    static final CallKind SEND = new CallKind("wallet", "send");

    @Override
    public Set<CallKind> kinds() {
        return Set.of(SEND);
    }
}
