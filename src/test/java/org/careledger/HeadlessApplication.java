package org.careledger;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The whole application without its web server, for the kill tests' child processes: every
 * service, the ledger's nodes, the outbox, the database and the background work start as in a
 * portal, and the children call the services directly, so the HTTP side (Tomcat, Vaadin's
 * servlet and its dev-mode bundle check, the web filter chain) is left out. It holds no durable
 * state, and leaving it out takes about a fifth off each of the children's starts.
 */
public final class HeadlessApplication {

    private HeadlessApplication() {
    }

    public static SpringApplicationBuilder builder(Class<?>... sources) {
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
                // Vaadin's auto-configuration asks for a web application context, which a headless one is not
                .properties("spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
    }
}
