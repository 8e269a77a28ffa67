package dev.faro.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The load generator's connection against a scripted HTTP/1.1 server on loopback. */
class Http11ConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void sendsThePreparedMessageAndReadsAnswersOfEveryBodyFramingOnOneConnection() throws Exception {
        List<String> answers = List.of(
                "HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\n\r\n",
                "HTTP/1.1 201 Created\r\nContent-Length: 11\r\n\r\n{\"id\":\"x\"}\n",
                "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3;ext=1\r\n:1}\r\n0\r\n\r\n",
                "HTTP/1.1 204 No Content\r\n\r\n");
        try (ScriptedServer server = new ScriptedServer((connection, request) -> answers.get(request));
                Http11Connection connection = new Http11Connection()) {
            LoadRequest post = RequestFactory.postJson(
                            server.uri("/api/visits"), Map.of("X-Test", "1"), TIMEOUT, n -> "{\"n\":" + n + "}")
                    .create(7);

            assertThat(connection.exchange(post)).isEqualTo(202);
            assertThat(connection.exchange(post)).isEqualTo(201);
            assertThat(connection.exchange(post)).isEqualTo(400);
            assertThat(connection.exchange(post)).isEqualTo(204);

            assertThat(server.connections.get()).isEqualTo(1);
            assertThat(server.requests.get(0))
                    .startsWith("POST /api/visits HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n")
                    .contains("X-Test: 1\r\n", "Content-Type: application/json\r\n", "Content-Length: 7\r\n")
                    .endsWith("\r\n\r\n{\"n\":7}");
        }
    }

    @Test
    void aConnectionTheServerClosesIsReplacedForTheNextRequest() throws Exception {
        try (ScriptedServer server = new ScriptedServer((connection, request) ->
                        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
                Http11Connection connection = new Http11Connection()) {
            LoadRequest get =
                    RequestFactory.get(server.uri("/"), Map.of(), TIMEOUT).create(0);

            assertThat(connection.exchange(get)).isEqualTo(200);
            assertThat(connection.exchange(get)).isEqualTo(200);

            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void aRequestOnAConnectionClosedWhileIdleIsSentOnceMoreOnANewOne() throws Exception {
        // The first connection answers once and then closes without a word, as a server's idle timeout does.
        try (ScriptedServer server = new ScriptedServer((connection, request) ->
                        connection == 0 && request == 1 ? null : "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
                Http11Connection connection = new Http11Connection()) {
            LoadRequest get =
                    RequestFactory.get(server.uri("/"), Map.of(), TIMEOUT).create(0);

            assertThat(connection.exchange(get)).isEqualTo(200);
            assertThat(connection.exchange(get)).isEqualTo(200);

            assertThat(server.connections.get()).isEqualTo(2);
            assertThat(server.requests).hasSize(3);
        }
    }

    @Test
    void anAnswerCutShortIsAnErrorAndIsNotSentAgain() throws Exception {
        try (ScriptedServer server = new ScriptedServer((connection, request) -> request == 0
                        ? "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                        : "HTTP/1.1 20" + ScriptedServer.THEN_CLOSE);
                Http11Connection connection = new Http11Connection()) {
            LoadRequest get =
                    RequestFactory.get(server.uri("/"), Map.of(), TIMEOUT).create(0);
            connection.exchange(get);

            assertThatThrownBy(() -> connection.exchange(get))
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("within an answer");
            assertThat(server.requests).hasSize(2);
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeout() throws Exception {
        try (ScriptedServer server = new ScriptedServer((connection, request) -> ScriptedServer.SILENT);
                Http11Connection connection = new Http11Connection()) {
            LoadRequest get = RequestFactory.get(server.uri("/"), Map.of(), Duration.ofMillis(200))
                    .create(0);

            assertThatThrownBy(() -> connection.exchange(get)).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void anAbortedConnectionEndsTheWaitAndSendsNothingMore() throws Exception {
        // The first request is answered; the second waits for an answer that never comes, on the reused connection,
        // where an ordinary failure before any byte of an answer would be retried on a new one.
        try (ScriptedServer server = new ScriptedServer((connection, request) ->
                request == 0 ? "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" : ScriptedServer.SILENT)) {
            Http11Connection connection = new Http11Connection();
            LoadRequest get =
                    RequestFactory.get(server.uri("/"), Map.of(), TIMEOUT).create(0);
            assertThat(connection.exchange(get)).isEqualTo(200);
            Thread waiting = new Thread(() -> {
                try {
                    connection.exchange(get);
                } catch (IOException expected) {
                    // the abort's
                }
            });
            waiting.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.requests.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.requests)
                    .as("the second request reached the server")
                    .hasSize(2);

            connection.abort();
            waiting.join(Duration.ofSeconds(2).toMillis());

            assertThat(waiting.isAlive()).isFalse();
            assertThatThrownBy(() -> connection.exchange(get)).isInstanceOf(IOException.class);
            assertThat(server.requests).hasSize(2);
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    /**
     * Answers each request with what the script gives for (connection number, request number on it), both from 0;
     * null closes the connection without answering, {@link #SILENT} never answers, and an answer ending in {@link
     * #THEN_CLOSE} closes the connection after the rest is written.
     */
    private static final class ScriptedServer implements AutoCloseable {
        static final String SILENT = "";
        static final String THEN_CLOSE = "<close>";

        private final ServerSocket socket;
        private final BiFunction<Integer, Integer, String> script;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> requests = new CopyOnWriteArrayList<>();

        ScriptedServer(BiFunction<Integer, Integer, String> script) throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.script = script;
            Thread acceptor = new Thread(this::accept);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    int number = connections.getAndIncrement();
                    Thread handler = new Thread(() -> serve(connection, number));
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection, int number) {
            try (connection) {
                InputStream in = connection.getInputStream();
                for (int request = 0; ; request++) {
                    String received = readRequest(in);
                    if (received == null) {
                        return;
                    }
                    requests.add(received);
                    String answer = script.apply(number, request);
                    if (answer == null) {
                        return;
                    }
                    if (answer.equals(SILENT)) {
                        Thread.sleep(Long.MAX_VALUE);
                    }
                    boolean thenClose = answer.endsWith(THEN_CLOSE);
                    String written = thenClose ? answer.substring(0, answer.length() - THEN_CLOSE.length()) : answer;
                    connection.getOutputStream().write(written.getBytes(StandardCharsets.ISO_8859_1));
                    connection.getOutputStream().flush();
                    if (thenClose) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException closed) {
                // the client went away, or the test ended
            }
        }

        /** The head and the body (by its Content-Length); null at the end of the connection. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next == -1) {
                    return null;
                }
                bytes.write(next);
            }
            String head = bytes.toString(StandardCharsets.ISO_8859_1);
            int at = head.indexOf("Content-Length: ");
            if (at >= 0) {
                int length = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)));
                bytes.write(in.readNBytes(length));
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
