package org.careledger.identity.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The client a failed sign-in is counted against: its IPv4 address, or the /64 network of its IPv6
 * address. An IPv6 host or household is given a whole /64, so counting single IPv6 addresses would
 * give one guesser 2^64 fresh clients. Anything else (no address) is counted as it is, cut to fit.
 */
final class ClientKey {

    static final String UNKNOWN = "unknown";
    private static final int MAX_LENGTH = 64;
    /** Only IPv6 literals reach {@link InetAddress}: a string with a colon that starts with a hex digit or a colon is never looked up in DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientKey() {
    }

    static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return UNKNOWN;
        }
        String address = remoteAddress.strip();
        int zone = address.indexOf('%');
        String withoutZone = zone < 0 ? address : address.substring(0, zone);
        if (IPV6_LITERAL.matcher(withoutZone).matches()) {
            try {
                InetAddress parsed = InetAddress.getByName(withoutZone);
                if (parsed instanceof Inet6Address v6) {
                    byte[] network = Arrays.copyOf(v6.getAddress(), 16);
                    Arrays.fill(network, 8, 16, (byte) 0);
                    String prefix = InetAddress.getByAddress(network).getHostAddress();  // a:b:c:d:0:0:0:0
                    return prefix.substring(0, prefix.length() - "0:0:0:0".length()) + ":/64";
                }
                return parsed.getHostAddress();   // an IPv4-mapped IPv6 address is its IPv4 address
            } catch (UnknownHostException notAnAddress) {
                // counted as it is
            }
        }
        return LoginThrottle.cut(address, MAX_LENGTH);
    }
}
