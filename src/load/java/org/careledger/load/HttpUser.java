package org.careledger.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user's browser as far as the server can tell: its own cookies (so its own HTTP session), Spring
 * Security's form sign-in with the CSRF token the login page carries, the portal loaded the way Vaadin's
 * client loads it (the bootstrap page, the {@code v-r=init} request that creates the session's UI), and
 * then pages opened as a router link opens them: a {@code ui-navigate} event in one UIDL request, whose
 * answer is the view's first UIDL. It runs no JavaScript, loads no static files, sends no other events
 * (no clicks, no grid's lazy data requests) and no heartbeats, and uses no push connection. Every request has a timeout; all users share one {@link HttpClient}, so the client's
 * own memory per user is a few strings.
 */
final class HttpUser {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");
    /** What an error page, a denied route or a lost sign-in puts into the first UIDL. */
    private static final List<String> ERROR_MARKS = List.of("Something went wrong", "Access denied", "Page not found",
            "Not allowed", "vaadinLoginUsername");
    /** The browser details Vaadin's client sends with the init request. */
    private static final String BROWSER_DETAILS = "&v-sw=1280&v-sh=800&v-wn=load&v-tzo=0&v-tzos=0&v-rtzo=0&v-dstd=0&v-dston=false"
            + "&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-bw=1280&v-bh=800&v-cw=1280&v-ch=800";

    private final HttpClient http;
    private final URI base;
    final String username;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;
    private long uiId;
    private String securityKey;
    private long syncId;
    private long clientId;
    /** Whether the UI's message ids are unknown after a failure: the next page is then loaded afresh, as a browser reloads. */
    private boolean lost = true;

    HttpUser(HttpClient http, URI base, String username) {
        this.http = http;
        this.base = base;
        this.username = username;
    }

    static HttpClient sharedClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
    }

    /** The login page, then the form post; fails unless Spring Security sends the user on into the portal. */
    void signIn(String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("login");
        expect(page, 200, "the login page");
        csrf = csrfOf(page.body());
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<String> posted = send(request("login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("login")) {
            throw new IllegalStateException("sign-in of " + username + " answered " + posted.statusCode() + " to " + location);
        }
    }

    /**
     * Loads the portal as a browser's first visit to {@code route} does: the bootstrap page, Vaadin's init
     * request (which creates this session's UI) and the first navigation, {@link #navigate}.
     */
    void load(String route, String expected) throws IOException, InterruptedException {
        HttpResponse<String> page = get(route);
        expect(page, 200, route);
        csrf = csrfOf(page.body());
        String init = "?v-r=init&location=" + enc(route) + "&query=" + BROWSER_DETAILS + "&v-curdate=" + System.currentTimeMillis();
        HttpResponse<String> uidl = get(init);
        expect(uidl, 200, route + " (init)");
        uiId = number(UI_ID, uidl.body(), "the UI's id");
        securityKey = text(SECURITY_KEY, uidl.body(), "the UI's security key");
        syncId = number(SYNC_ID, uidl.body(), "the sync id");
        clientId = 0;
        lost = false;
        uidlNavigate(route, expected);
    }

    /**
     * One UIDL round trip in this session's UI: the {@code ui-navigate} event a router link sends, which
     * runs the router on the server (access control, the view's constructor and its services). Fails if
     * the answer is not a 200 or shows an error page, a denied route, the login page, or lacks
     * {@code expected} (a text the view itself shows). After a failed one, the page is loaded afresh
     * ({@link #load}), as a browser reloads when its UI is out of step.
     */
    void navigate(String route, String expected) throws IOException, InterruptedException {
        if (lost) {
            load(route, expected);
        } else {
            uidlNavigate(route, expected);
        }
    }

    private void uidlNavigate(String route, String expected) throws IOException, InterruptedException {
        lost = true; // until the answer is read: a request that fails or times out leaves the UI's message ids unknown
        String event = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                + "\"data\":{\"route\":\"" + route + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":" + clientId
                + "},\"trigger\":\"link\"}}],\"syncId\":" + syncId + ",\"clientId\":" + clientId + "}";
        HttpResponse<String> answer = send(request("?v-r=uidl&v-uiId=" + uiId).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(event)).build());
        expect(answer, 200, route + " (UIDL)");
        String body = answer.body();
        syncId = number(SYNC_ID, body, "the sync id");
        clientId = number(CLIENT_ID, body, "the client id");
        lost = false;
        for (String mark : ERROR_MARKS) {
            if (body.contains(mark)) {
                throw new IllegalStateException(route + " showed \"" + mark + "\" (" + body.length() + " chars)");
            }
        }
        if (!body.contains(expected)) {
            throw new IllegalStateException(route + " lacks \"" + expected + "\" (" + body.length() + " chars: "
                    + body.substring(0, Math.min(body.length(), Integer.getInteger("load.debug", 0))) + ")");
        }
    }

    /** Spring Security's sign-out, ending the HTTP session and its UIs. */
    void signOut() throws IOException, InterruptedException {
        HttpResponse<String> posted = send(request("logout").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf))).build());
        if (posted.statusCode() != 302) {
            throw new IllegalStateException("sign-out of " + username + " answered " + posted.statusCode());
        }
        cookies.clear();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT);
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", header.toString());
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode()
                    + response.headers().firstValue("Location").map(l -> " to " + l).orElse(""));
        }
    }

    private static String csrfOf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static long number(Pattern p, String body, String what) {
        return Long.parseLong(text(p, body, what));
    }

    private static String text(Pattern p, String body, String what) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in the answer (" + body.length() + " chars)");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
