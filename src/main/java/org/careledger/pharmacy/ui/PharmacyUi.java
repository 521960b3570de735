package org.careledger.pharmacy.ui;

import com.vaadin.flow.component.html.Span;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.ui.FieldErrors;
import org.careledger.node.LedgerUnavailableException;
import org.careledger.pharmacy.PrescriptionView;
import org.careledger.pharmacy.RxState;
import org.springframework.security.access.AccessDeniedException;

/** What the pharmacy's views share: running a service call and showing its refusal, and a prescription's state as a badge. */
final class PharmacyUi {

    private PharmacyUi() {
    }

    /**
     * Runs a service call; returns whether it succeeded. Field errors go next to the fields bound in
     * {@code errors} (or to a notification if it is null); any other refusal becomes a notification
     * with the service's own words.
     */
    static boolean attempt(Runnable action, FieldErrors errors) {
        if (errors != null) {
            errors.clear();
        }
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            if (errors != null) {
                errors.show(e);
            } else {
                e.fieldErrors().values().forEach(FieldErrors.Notifications::error);
            }
        } catch (OperationNotAllowedException | NotFoundException | LedgerUnavailableException e) {
            FieldErrors.Notifications.error(e.getMessage());
        } catch (AccessDeniedException e) {
            FieldErrors.Notifications.error("You are not allowed to do this");
        }
        return false;
    }

    static Span stateBadge(PrescriptionView p) {
        Span badge = new Span(p.state().label());
        badge.getElement().getThemeList().add(switch (p.state()) {
            case ISSUED, PARTIALLY_DISPENSED -> "badge success";
            case ON_ITS_WAY -> "badge";
            case COMPLETED -> "badge contrast";
            case CANCELLED, EXPIRED, REFUSED -> "badge error";
        });
        return badge;
    }

    /** Whether anything shown still waits for the ledger: a prescription or a fill on its way. */
    static boolean waiting(PrescriptionView p) {
        return p.state() == RxState.ON_ITS_WAY || p.fills().stream().anyMatch(f -> f.pending());
    }

    /** "30 of 60 left" and the refills. */
    static String quantities(PrescriptionView p) {
        if (p.chainId() == null) {
            return "";
        }
        return p.quantity() + " per fill, " + p.refills() + (p.refills() == 1 ? " refill" : " refills") + "; " + p.remaining() + " of "
                + p.totalAllowed() + " left";
    }
}
