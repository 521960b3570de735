package org.careledger.wallet.ui;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.ui.FieldErrors;
import org.careledger.node.LedgerUnavailableException;

/** What the wallet's views share: one way to run a service call and show its refusal (polling is {@code common.ui.LedgerPolling}). */
final class WalletUi {

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
}
