package org.careledger.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.ui.FieldErrors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What a person sees when an action (a click, a form sent) fails in a way its view did not handle: a
 * service's own explanation if it gave one, otherwise an incident code to quote to the administrator,
 * with the cause logged under that code. Never a stack trace, never a silent nothing.
 */
@Component
class UnexpectedErrors implements VaadinServiceInitListener, ErrorHandler {

    static final String NOT_ALLOWED = "Your role does not allow this. If you think it should, ask an administrator.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = explained(event.getThrowable());
        String message = failure instanceof AccessDeniedException ? NOT_ALLOWED
                : failure != null ? failure.getMessage()
                : Incidents.sentence(Incidents.record("an action in the portal", event.getThrowable()));
        if (UI.getCurrent() != null) {
            FieldErrors.Notifications.error(message);
        }
    }

    /** The service exception somewhere in the cause chain that was written for a person, if any. */
    private static Throwable explained(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof OperationNotAllowedException || t instanceof NotFoundException
                    || t instanceof AccessDeniedException) {
                return t;
            }
        }
        return null;
    }
}
