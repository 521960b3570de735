package org.careledger.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Refreshes a view every two seconds while something it shows waits for the ledger (a decision, a
 * revocation, an anchor), and stops polling once nothing does or the view is left.
 */
public final class LedgerPolling {

    public static final int INTERVAL_MILLIS = 2000;

    private final Component owner;
    private Registration listener;
    private boolean pending;

    public LedgerPolling(Component owner, Runnable refresh) {
        this.owner = owner;
        owner.addAttachListener(e -> {
            listener = e.getUI().addPollListener(poll -> refresh.run());
            apply(e.getUI());
        });
        owner.addDetachListener(e -> {
            if (listener != null) {
                listener.remove();
                listener = null;
            }
            e.getUI().setPollInterval(-1);
        });
    }

    /** Polls while {@code somethingPending}. */
    public void pendingIf(boolean somethingPending) {
        this.pending = somethingPending;
        owner.getUI().ifPresent(this::apply);
    }

    public boolean polling() {
        return pending;
    }

    private void apply(UI ui) {
        ui.setPollInterval(pending ? INTERVAL_MILLIS : -1);
    }
}
