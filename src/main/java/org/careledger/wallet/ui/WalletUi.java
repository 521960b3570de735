package org.careledger.wallet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.ui.FieldErrors;
import org.careledger.node.LedgerUnavailableException;

/** What the wallet's views share: one way to run a service call and show its refusal, and polling while something is pending. */
final class WalletUi {

    static final int POLL_MILLIS = 2000;

    private WalletUi() {
    }

    /** Runs {@code action}; a refusal is shown beside its fields (or as a notification), and false returned. */
    static boolean attempt(Runnable action, FieldErrors errors) {
        errors.clear();
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            errors.show(e);
        } catch (OperationNotAllowedException | NotFoundException | LedgerUnavailableException e) {
            FieldErrors.Notifications.error(e.getMessage());
        }
        return false;
    }

    /**
     * Refreshes {@code owner} every two seconds while it shows something waiting for the ledger, as
     * records' pages do, and stops once nothing waits or the view is left.
     */
    static final class Polling {

        private final Component owner;
        private Registration listener;
        private boolean pending;

        Polling(Component owner, Runnable refresh) {
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

        void pendingIf(boolean somethingPending) {
            pending = somethingPending;
            owner.getUI().ifPresent(this::apply);
        }

        boolean polling() {
            return pending;
        }

        private void apply(UI ui) {
            ui.setPollInterval(pending ? POLL_MILLIS : -1);
        }
    }
}
