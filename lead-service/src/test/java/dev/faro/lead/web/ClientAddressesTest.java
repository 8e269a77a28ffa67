package dev.faro.lead.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void ipv4LosesItsLastOctetAndIpv6ItsLastEightyBits() {
        assertThat(ClientAddresses.truncated("203.0.113.77")).contains("203.0.113.0");
        assertThat(ClientAddresses.truncated("2001:db8:85a3:8d3:1319:8a2e:370:7348"))
                .contains("2001:db8:85a3:0:0:0:0:0");
    }

    @Test
    void namesAreNeverResolved() {
        assertThat(ClientAddresses.truncated("example.org")).isEmpty();
        assertThat(ClientAddresses.isIpLiteral("localhost")).isFalse();
        assertThat(ClientAddresses.isIpLiteral("10.0.0.1")).isTrue();
        assertThat(ClientAddresses.isIpLiteral("::1")).isTrue();
    }
}
