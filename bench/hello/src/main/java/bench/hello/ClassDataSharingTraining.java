package bench.hello;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The class-data sharing training run, as CareLedger's: fetch the login page once ready, then exit. */
@Component
@ConditionalOnProperty(name = "hello.cds-training", havingValue = "true")
class ClassDataSharingTraining {

    @EventListener(ApplicationReadyEvent.class)
    void fetchTheLoginPageAndExit(ApplicationReadyEvent ready) throws Exception {
        int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        int closed = SpringApplication.exit(ready.getApplicationContext());
        System.exit(status == 200 ? closed : 1);
    }
}
