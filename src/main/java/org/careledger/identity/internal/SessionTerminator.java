package org.careledger.identity.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.careledger.identity.UserSessionsEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every live session of a user once a decision that demands it has committed: the Spring
 * Security session is expired (the next request is refused) and each open Vaadin UI of that session
 * is sent to the login page and its HTTP session invalidated, so the user is out at once.
 */
@Component
class SessionTerminator implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SessionTerminator.class);

    private final SessionRegistry registry;
    private final SecurityEvents securityLog;
    private final Set<VaadinSession> vaadinSessions = ConcurrentHashMap.newKeySet();

    SessionTerminator(SessionRegistry registry, SecurityEvents securityLog) {
        this.registry = registry;
        this.securityLog = securityLog;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> vaadinSessions.add(init.getSession()));
        event.getSource().addSessionDestroyListener(destroy -> vaadinSessions.remove(destroy.getSession()));
    }

    @TransactionalEventListener
    void on(UserSessionsEnded ended) {
        CareLedgerPrincipal key = new CareLedgerPrincipal(ended.user().value(), ended.username(), "", null);
        int count = 0;
        for (SessionInformation info : registry.getAllSessions(key, false)) {
            String sessionId = info.getSessionId();
            info.expireNow();
            endVaadinSessions(sessionId);
            count++;
        }
        securityLog.record("SESSIONS_ENDED", ended.username(), count + " session(s): " + ended.reason());
    }

    private void endVaadinSessions(String httpSessionId) {
        for (VaadinSession session : vaadinSessions) {
            WrappedSession wrapped;
            try {
                wrapped = session.getSession();
            } catch (RuntimeException alreadyGone) {
                vaadinSessions.remove(session);
                continue;
            }
            if (wrapped == null || !httpSessionId.equals(safeId(wrapped))) {
                continue;
            }
            session.access(() -> session.getUIs().forEach(ui -> ui.getPage().setLocation("/login?ended")));
            try {
                wrapped.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                log.debug("Session {} was already invalid", httpSessionId);
            }
        }
    }

    private static String safeId(WrappedSession wrapped) {
        try {
            return wrapped.getId();
        } catch (IllegalStateException invalid) {
            return "";
        }
    }
}
