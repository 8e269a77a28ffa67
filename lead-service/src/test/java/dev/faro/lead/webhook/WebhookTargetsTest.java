package dev.faro.lead.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(config(false));
    private final WebhookTargets local = new WebhookTargets(config(true));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://crm.example.org/hooks/faro",
                "https://crm.example.org:8443/hooks?source=faro",
                "https://203.0.113.10/hook",
                "https://[2001:db8::1]/hook"
            })
    void httpsUrlsOfPublicHostsAreTargets(String url) {
        assertThat(production.fault(url)).isEmpty();
        assertThat(local.fault(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8080/hook",
                "http://127.0.0.1:8080/hook",
                "http://[::1]:8080/hook",
                "https://localhost/hook",
                "https://127.0.0.1/hook"
            })
    void thisMachineIsATargetOnlyWhereLoopbackIsAllowed(String url) {
        assertThat(production.fault(url)).isPresent();
        assertThat(local.fault(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://crm.example.org/hook",
                "ftp://crm.example.org/hook",
                "mailto:crm@example.org",
                "/hooks/faro",
                "https://",
                "https://user:secret@crm.example.org/hook",
                "https://crm.example.org/hook#fragment",
                "https://10.0.0.8/hook",
                "https://172.16.4.2/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[fd12:3456::1]/hook",
                "https://[fe80::1]/hook",
                "https://crm.example.org/has space",
                ""
            })
    void otherUrlsAreRefusedEvenWhereLoopbackIsAllowed(String url) {
        assertThat(production.fault(url)).isPresent();
        assertThat(local.fault(url)).isPresent();
    }

    @Test
    void urlsLongerThan2048CharactersAreRefused() {
        String url = "https://crm.example.org/";
        assertThat(production.fault(url + "a".repeat(2048 - url.length()))).isEmpty();
        assertThat(production.fault(url + "a".repeat(2049 - url.length()))).contains("must be at most 2048 characters");
    }

    @Test
    void addressesANameResolvesToArePublicOnesOnly() throws UnknownHostException {
        assertThat(production.mayConnectTo(InetAddress.getByName("203.0.113.10")))
                .isTrue();
        assertThat(production.mayConnectTo(InetAddress.getByName("2001:db8::1")))
                .isTrue();
        for (String internal :
                new String[] {"10.1.1.1", "192.168.0.1", "169.254.169.254", "fd00::1", "127.0.0.1", "::1"}) {
            assertThat(production.mayConnectTo(InetAddress.getByName(internal)))
                    .as(internal)
                    .isFalse();
        }
        assertThat(local.mayConnectTo(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(local.mayConnectTo(InetAddress.getByName("10.1.1.1"))).isFalse();
    }

    private static WebhookConfig config(boolean allowLoopback) {
        return new WebhookConfig() {
            @Override
            public boolean allowLoopback() {
                return allowLoopback;
            }

            @Override
            public Dispatch dispatch() {
                throw new UnsupportedOperationException("not needed to judge targets");
            }
        };
    }
}
