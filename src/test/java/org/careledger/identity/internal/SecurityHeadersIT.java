package org.careledger.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.careledger.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers as a browser receives them from the running portal (Tomcat, Spring Security,
 * Vaadin's servlet), on pages and on static files. The policies are spelled out here rather than read
 * from {@link SecurityConfiguration}, so that loosening one is a visible change to this test too; a
 * page's inline-script hashes are computed here from the HTML it was served with. (The browser tests
 * check that every view runs under these policies.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersIT extends IntegrationTest {

    private static final String POLICY_UP_TO_SCRIPT_HASHES = "default-src 'none'; script-src 'self' 'unsafe-eval'";
    private static final String POLICY_AFTER_SCRIPT_HASHES = "; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src data:; "
            + "connect-src 'self'; manifest-src 'self'; worker-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final Map<String, String> OTHER_HEADERS = Map.of(
            "Permissions-Policy", "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
                    + "encrypted-media=(), fullscreen=(), gamepad=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), "
                    + "local-fonts=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
                    + "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "X-Content-Type-Options", "nosniff");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
        return response;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/login", "/register"})
    void aPageMayRunOnlyItsOwnInlineScriptsAndCarriesEveryOtherHeader(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = get(path);

        List<Element> inline = Jsoup.parse(page.body()).select("script:not([src])");
        assertThat(inline).as("Vaadin's inline scripts in %s", path).isNotEmpty();
        String hashes = inline.stream().map(s -> " 'sha256-" + sha256(s.data()) + "'").collect(Collectors.joining());
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .containsExactly(POLICY_UP_TO_SCRIPT_HASHES + hashes + POLICY_AFTER_SCRIPT_HASHES);
        assertOtherHeaders(page.headers(), path);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/VAADIN/static/push/vaadinPush-min.js", "/manifest.webmanifest"})
    void aStaticFileCarriesThePolicyWithoutInlineScriptsAndEveryOtherHeader(String path) throws IOException, InterruptedException {
        HttpHeaders headers = get(path).headers();
        assertThat(headers.firstValue("Content-Type")).as("content type of %s", path).hasValueSatisfying(type -> assertThat(type).doesNotContain("html"));

        assertThat(headers.allValues("Content-Security-Policy")).containsExactly(POLICY_UP_TO_SCRIPT_HASHES + POLICY_AFTER_SCRIPT_HASHES);
        assertOtherHeaders(headers, path);
    }

    private static void assertOtherHeaders(HttpHeaders headers, String path) {
        OTHER_HEADERS.forEach((name, value) -> assertThat(headers.allValues(name)).as("%s on %s", name, path).containsExactly(value));
        assertThat(headers.firstValue("Content-Security-Policy-Report-Only")).as("no report-only policy on %s", path).isEmpty();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
