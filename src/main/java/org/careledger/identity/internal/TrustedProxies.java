package org.careledger.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The reverse proxies whose {@code X-Forwarded-For} names the client: the addresses listed in
 * {@code CARELEDGER_TRUSTED_PROXIES} (comma-separated IPv4 or IPv6 addresses; none by default). With
 * {@code server.forward-headers-strategy=native} Spring Boot installs Tomcat's {@code RemoteIpValve},
 * which puts the client a trusted proxy names into {@code request.getRemoteAddr()} (the rightmost
 * address in the header that is not itself a trusted proxy; what a client wrote before it is ignored)
 * and leaves any other peer's header alone. This sets the valve's proxies to exactly the list, after
 * Spring Boot's own customizer, because Tomcat's default trusts every private address, and anyone on
 * a private network could then pass as any client and escape the sign-in throttle.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Hex digits, colons and (for an embedded IPv4 part) dots, with a colon: parsed as an IPv6 literal, never looked up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final String pattern;

    TrustedProxies(@Value("${careledger.trusted-proxies:}") String addresses) {
        this.pattern = pattern(addresses);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<RemoteIpValve> valves = factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast).toList();
        if (valves.isEmpty() && !pattern.isEmpty()) {
            throw new IllegalStateException("CARELEDGER_TRUSTED_PROXIES is set but Tomcat reads no forwarded headers:"
                    + " server.forward-headers-strategy must be native");
        }
        for (RemoteIpValve valve : valves) {
            valve.setInternalProxies(pattern);   // "" trusts nobody
            valve.setTrustedProxies(null);
        }
    }

    /** After Spring Boot's {@code TomcatWebServerFactoryCustomizer} (order 0), which creates the valve. */
    @Override
    public int getOrder() {
        return 1;
    }

    /**
     * The valve's pattern for a comma-separated list of IP addresses: each address in the form Tomcat
     * reports a peer in, quoted, joined by {@code |}; empty (nobody) for an empty list.
     */
    static String pattern(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return "";
        }
        List<String> quoted = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            quoted.add(Pattern.quote(asTomcatReportsIt(entry.strip())));
        }
        return String.join("|", quoted);
    }

    private static String asTomcatReportsIt(String address) {
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        if (IPV6.matcher(address).matches()) {
            try {
                return InetAddress.getByName(address).getHostAddress();   // 2001:db8:0:0:0:0:0:7, as Tomcat has it
            } catch (UnknownHostException invalid) {
                // refused below
            }
        }
        throw new IllegalArgumentException("CARELEDGER_TRUSTED_PROXIES takes IP addresses separated by commas"
                + " (such as 10.0.0.5, 2001:db8::7), not \"" + address + "\"");
    }
}
