package dev.faro.lead.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void aBlockHoldsTheAddressesOfItsPrefixOnly() {
        AddressRange podNetwork = AddressRange.parse("10.244.0.0/16");

        assertThat(podNetwork.contains("10.244.0.1")).isTrue();
        assertThat(podNetwork.contains("10.244.255.254")).isTrue();
        assertThat(podNetwork.contains("10.245.0.1")).isFalse();
        assertThat(podNetwork.contains("192.168.1.1")).isFalse();
    }

    @Test
    void prefixesThatEndInsideAByteCompareOnlyTheirBits() {
        AddressRange carrierGrade = AddressRange.parse("100.64.0.0/10");

        assertThat(carrierGrade.contains("100.127.255.255")).isTrue();
        assertThat(carrierGrade.contains("100.128.0.0")).isFalse();
        assertThat(carrierGrade.contains("100.63.255.255")).isFalse();
    }

    @Test
    void aBareAddressIsThatAddressAlone() {
        AddressRange proxy = AddressRange.parse("127.0.0.1");

        assertThat(proxy.contains("127.0.0.1")).isTrue();
        assertThat(proxy.contains("127.0.0.2")).isFalse();
    }

    @Test
    void ipv6BlocksWorkAndNeverMatchIpv4() {
        AddressRange uniqueLocal = AddressRange.parse("fd00::/8");

        assertThat(uniqueLocal.contains("fd12:3456::1")).isTrue();
        assertThat(uniqueLocal.contains("fe80::1")).isFalse();
        assertThat(uniqueLocal.contains("10.0.0.1")).isFalse();
    }

    @Test
    void namesAndMalformedBlocksAreRefusedWithoutAnyLookup() {
        assertThatThrownBy(() -> AddressRange.parse("ingress.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AddressRange.parse("10.0.0.0/8").contains("not-an-address")).isFalse();
    }
}
