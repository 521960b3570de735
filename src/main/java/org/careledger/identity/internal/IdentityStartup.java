package org.careledger.identity.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Before the web server takes requests: the first admin of a production install, if there is none
 * yet and the operator gave one; and, outside the demo, a refusal to start a database that has no
 * active admin and no first-admin credentials (nobody could ever approve an account), with what to
 * set. A first start that stopped half-way (a bad key, a crash) is caught here on the next one.
 */
@Component
class IdentityStartup implements SmartInitializingSingleton {

    private final FirstAdmin firstAdmin;
    private final Environment environment;

    IdentityStartup(FirstAdmin firstAdmin, Environment environment) {
        this.firstAdmin = firstAdmin;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        firstAdmin.createIfNone();
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            firstAdmin.requireAnActiveAdmin();
        }
    }
}
