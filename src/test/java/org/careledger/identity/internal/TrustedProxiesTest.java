package org.careledger.identity.internal;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The list of trusted proxies an operator writes, and the pattern Tomcat's RemoteIpValve gets from it. */
class TrustedProxiesTest {

    private static boolean trusts(String list, String peer) {
        String pattern = TrustedProxies.pattern(list);
        return !pattern.isEmpty() && Pattern.compile(pattern).matcher(peer).matches();
    }

    @Test
    void noListTrustsNobody() {
        assertThat(TrustedProxies.pattern("")).isEmpty();
        assertThat(TrustedProxies.pattern("  ")).isEmpty();
        assertThat(TrustedProxies.pattern(null)).isEmpty();
        assertThat(trusts("", "10.0.0.1")).isFalse();
    }

    @Test
    void exactlyTheListedAddressesAreTrusted() {
        assertThat(trusts("10.0.0.5, 192.168.1.10", "10.0.0.5")).isTrue();
        assertThat(trusts("10.0.0.5, 192.168.1.10", "192.168.1.10")).isTrue();
        assertThat(trusts("10.0.0.5, 192.168.1.10", "10.0.0.50")).isFalse();
        assertThat(trusts("10.0.0.5, 192.168.1.10", "110.0.0.5")).isFalse();
        assertThat(trusts("10.0.0.5", "10x0x0x5")).as("a dot is a dot, not any character").isFalse();
        assertThat(trusts("10.0.0.5", "10.0.0.6")).isFalse();
    }

    @Test
    void anIpv6AddressIsMatchedInTheFormTomcatReportsItIn() {
        assertThat(trusts("::1", "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(trusts("2001:DB8::7", "2001:db8:0:0:0:0:0:7")).isTrue();
        assertThat(trusts("2001:db8::7", "2001:db8:0:0:0:0:0:8")).isFalse();
    }

    @Test
    void anythingButAnIpAddressIsRefusedWithTheEntryNamed() {
        for (String bad : new String[] {"proxy.example.org", "10.0.0.0/8", "10.0.0.*", "256.1.1.1", "10.0.0", "::g"}) {
            assertThatThrownBy(() -> TrustedProxies.pattern("10.0.0.1," + bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CARELEDGER_TRUSTED_PROXIES")
                    .hasMessageContaining(bad);
        }
    }
}
