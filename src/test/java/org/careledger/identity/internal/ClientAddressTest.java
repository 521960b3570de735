package org.careledger.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.careledger.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.core.env.Environment;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which client a sign-in is counted against, through a real Tomcat configured as the application
 * configures it: Spring Boot's customizer with our properties (which installs Tomcat's RemoteIpValve),
 * then {@link TrustedProxies}. MockMvc has no Tomcat valves, so this cannot be shown through it; the
 * servlet here reads the address exactly as Spring Security's form login does (its
 * {@link WebAuthenticationDetails}), which {@code LoginFlowTest} follows from there to the throttle.
 */
class ClientAddressTest extends IntegrationTest {

    private static final String CLIENT = "203.0.113.9";

    @Autowired
    ServerProperties server;
    @Autowired
    Environment environment;
    @Autowired
    TrustedProxies configured;

    @Test
    void byDefaultAnXForwardedForHeaderIsIgnored() throws Exception {
        assertThat(environment.getProperty("careledger.trusted-proxies")).as("CARELEDGER_TRUSTED_PROXIES unset").isEmpty();
        assertThat(clientSeenBehind(configured, CLIENT)).isEqualTo("127.0.0.1");
    }

    @Test
    void anXForwardedForHeaderFromAPeerThatIsNotAConfiguredProxyIsIgnored() throws Exception {
        assertThat(clientSeenBehind(new TrustedProxies("192.0.2.1"), CLIENT)).isEqualTo("127.0.0.1");
    }

    @Test
    void fromAConfiguredProxyTheClientItNamesIsTheClient() throws Exception {
        assertThat(clientSeenBehind(new TrustedProxies("192.0.2.1, 127.0.0.1"), CLIENT)).isEqualTo(CLIENT);
    }

    @Test
    void whatAClientWritesBeforeTheProxysOwnEntryIsNotBelieved() throws Exception {
        // the proxy appends the peer it saw; earlier entries are whatever the client sent
        assertThat(clientSeenBehind(new TrustedProxies("127.0.0.1"), "198.51.100.1, " + CLIENT)).isEqualTo(CLIENT);
    }

    /**
     * Starts a Tomcat set up as the application's, sends it one request from 127.0.0.1 with
     * {@code X-Forwarded-For: forwardedFor}, and returns the remote address sign-in would record.
     */
    private String clientSeenBehind(TrustedProxies proxies, String forwardedFor) throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new TomcatWebServerFactoryCustomizer(environment, server).customize(factory);
        proxies.customize(factory);
        TomcatWebServer tomcat = (TomcatWebServer) factory.getWebServer(context ->
                context.addServlet("client", new SignInDetailsServlet()).addMapping("/client"));
        tomcat.start();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tomcat.getPort() + "/client"))
                    .header("X-Forwarded-For", forwardedFor).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } finally {
            tomcat.stop();
        }
    }

    private static final class SignInDetailsServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().print(new WebAuthenticationDetails(request).getRemoteAddress());
        }
    }
}
