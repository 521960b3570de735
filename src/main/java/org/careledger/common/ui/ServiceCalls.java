package org.careledger.common.ui;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.UnavailableException;
import org.springframework.security.access.AccessDeniedException;

/**
 * How every view runs a service call and shows a refusal: field errors next to their fields, any
 * other refusal as a notification in the service's own words. Anything else is a bug, and goes to
 * the portal's error page.
 */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    /**
     * Runs {@code action}; returns whether it succeeded. Field errors go next to the fields bound in
     * {@code errors} (or to notifications if it is null); every other refusal becomes a notification.
     */
    public static boolean attempt(Runnable action, FieldErrors errors) {
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
        } catch (OperationNotAllowedException | NotFoundException | UnavailableException e) {
            FieldErrors.Notifications.error(e.getMessage());
        } catch (AccessDeniedException e) {
            FieldErrors.Notifications.error("You are not allowed to do this");
        }
        return false;
    }

    /** Shows a refusal that came from loading a view's data; anything else is rethrown. */
    public static void report(RuntimeException e) {
        attempt(() -> {
            throw e;
        }, null);
    }
}
