package org.careledger.identity.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After the web server is up: the first admin of a production install, if there is none yet. */
@Component
@Order(10)
class IdentityStartup implements ApplicationRunner {

    private final FirstAdmin firstAdmin;

    IdentityStartup(FirstAdmin firstAdmin) {
        this.firstAdmin = firstAdmin;
    }

    @Override
    public void run(ApplicationArguments args) {
        firstAdmin.createIfNone();
    }
}
