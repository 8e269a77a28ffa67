package dev.faro.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpSinkTest {

    @Test
    void aHangingServerTakesTheConnectionButNeverGreetsUntilItListensAgain() throws Exception {
        try (SmtpSink sink = SmtpSink.start(FreePorts.find())) {
            assertThat(greeting(sink)).startsWith("220 ");

            sink.hang();
            try (Socket connection = new Socket(sink.host(), sink.port())) {
                connection.setSoTimeout(1_000);
                assertThat(connection.isConnected()).isTrue();
                assertThatThrownBy(() -> connection.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

                sink.listenAgain();
                assertThat(connection.getInputStream().read())
                        .as("the hung connection is closed when the server answers again")
                        .isEqualTo(-1);
            }
            assertThat(greeting(sink)).startsWith("220 ");
        }
    }

    private static String greeting(SmtpSink sink) throws Exception {
        try (Socket connection = new Socket(sink.host(), sink.port())) {
            connection.setSoTimeout(5_000);
            return new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
