package org.careledger.identity.internal;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * As the portal starts: the first admin of a production install, if there is none yet and the
 * operator gave one; and, outside the demo, a refusal to start a database that has no active admin
 * and no first-admin credentials (nobody could ever approve an account), with what to set. A first
 * start that stopped half-way (a bad key, a crash) is caught here on the next one.
 *
 * <p>It runs once the context is refreshed and the web server listens, before the application is
 * ready: its first query waits for Hibernate's bootstrap (on a background thread) and the user
 * repository's queries, about two seconds that no longer delay the login page. A refusal still
 * stops the start (the exception leaves {@code SpringApplication.run}, which closes the context);
 * a sign-in in the moment before the first admin exists is refused as any unknown user's.
 */
@Component
class IdentityStartup {

    private final FirstAdmin firstAdmin;
    private final Environment environment;

    IdentityStartup(FirstAdmin firstAdmin, Environment environment) {
        this.firstAdmin = firstAdmin;
        this.environment = environment;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void onStarted() {
        firstAdmin.createIfNone();
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            firstAdmin.requireAnActiveAdmin();
        }
    }
}
