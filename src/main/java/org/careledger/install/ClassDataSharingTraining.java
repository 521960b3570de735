package org.careledger.install;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The training run of the production build's class-data sharing archive ({@code -Pproduction}:
 * {@code java -XX:ArchiveClassesAtExit=careledger.jsa -jar careledger.jar --careledger.cds-training=true}
 * on a throw-away demo data directory): once the portal is ready it fetches its own login page, as
 * the first browser will, and exits, and the JVM writes every class it loaded on the way to the
 * archive. A start with {@code -XX:SharedArchiveFile=careledger.jsa} then maps those classes
 * instead of reading, parsing and verifying them again: the framework's and the portal's, Hibernate's
 * and the repositories' (initialised after the web server listens), and those that serve the first
 * page (Tomcat's, Vaadin's, jsoup's), which Spring's own {@code -Dspring.context.exit=onRefresh}
 * training stops before. Never present otherwise: the bean exists only under that setting.
 */
@Component
@ConditionalOnProperty(name = "careledger.cds-training", havingValue = "true")
class ClassDataSharingTraining {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharingTraining.class);

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void fetchTheLoginPageAndExit(ApplicationReadyEvent ready) {
        int code = 0;
        try {
            int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
            HttpResponse<String> page = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                log.error("Class-data sharing training: the login page answered {}", page.statusCode());
                code = 1;
            }
        } catch (IOException | RuntimeException e) {
            log.error("Class-data sharing training: the login page could not be fetched", e);
            code = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = 1;
        }
        int closed = SpringApplication.exit(ready.getApplicationContext());
        System.exit(code != 0 ? code : closed);
    }
}
