package dev.faro.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void findsDistinctPortsThatAreFree() {
        var ports = FreePorts.find(6);

        assertThat(ports).doesNotHaveDuplicates().hasSize(6);
        assertThat(ports).noneMatch(FreePorts::inUse);
    }

    @Test
    void aLoopbackListenerMakesThePortInUse() throws Exception {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThat(FreePorts.inUse(listener.getLocalPort())).isTrue();
        }
    }
}
