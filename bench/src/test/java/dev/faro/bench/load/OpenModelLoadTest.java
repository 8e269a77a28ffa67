package dev.faro.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the load generator against a JDK server on loopback. Bounds are loose on purpose: the machine running the
 * build is shared, and these check the behaviour (rate followed, stalls charged, errors counted), not the speed.
 */
class OpenModelLoadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void theAchievedRateFollowsTheTarget() throws Exception {
        try (LoopbackServer server = LoopbackServer.fixedServiceTime(8, Duration.ofMillis(2))) {
            OpenModelLoad load = new OpenModelLoad(4, RequestFactory.get(server.uri(), Map.of(), TIMEOUT));

            LoadResult result = load.run(200, Duration.ofSeconds(2));

            assertThat(result.scheduled()).isEqualTo(400);
            // Loose lower bounds: a busy build machine may start the last few sends late, never early.
            assertThat(result.sent()).isBetween(360L, 400L);
            assertThat(result.successful()).isEqualTo(result.sent());
            assertThat(result.achievedRate()).isBetween(170.0, 200.0);
            assertThat(result.errorCount()).isZero();
            assertThat(server.requests.get()).isEqualTo(result.sent());
        }
    }

    @Test
    void usesExactlyOneConnectionPerWorker() throws Exception {
        try (CountingConnections counter = new CountingConnections()) {
            OpenModelLoad load = new OpenModelLoad(3, RequestFactory.get(counter.uri(), Map.of(), TIMEOUT));

            LoadResult result = load.run(150, Duration.ofSeconds(1));

            assertThat(result.successful()).isGreaterThan(100);
            assertThat(counter.connections()).isEqualTo(3);
        }
    }

    @Test
    void aStallIsChargedToEveryRequestItDelayed() throws Exception {
        // 50/s for 4 s; request 50 holds the only server thread for 1 s, delaying the ~50 due during it.
        try (LoopbackServer server = LoopbackServer.stallingOnce(50, Duration.ofSeconds(1))) {
            OpenModelLoad load = new OpenModelLoad(4, RequestFactory.get(server.uri(), Map.of(), TIMEOUT));

            LoadResult result = load.run(50, Duration.ofSeconds(4));

            assertThat(result.maxMillis()).isGreaterThan(900);
            // Measured from the actual send time, only the four requests in flight would be slow; measured from
            // the intended time, every request due in the stall's first half waited at least half a second.
            long slow = result.latencyMicros().getCountBetweenValues(500_000, Long.MAX_VALUE / 2);
            assertThat(slow).isGreaterThan(3 * 4);
        }
    }

    @Test
    void countsNon2xxByStatusAndFailuresWithoutResponse() throws Exception {
        try (LoopbackServer server = LoopbackServer.withStatuses(n -> n % 10 == 0 ? 503 : 201)) {
            OpenModelLoad load = new OpenModelLoad(
                    2,
                    RequestFactory.postJson(server.uri(), Map.of(), TIMEOUT, sequence -> "{\"n\":" + sequence + "}"));

            LoadResult result = load.run(100, Duration.ofSeconds(1));

            assertThat(result.statusCounts()).containsOnlyKeys(201, 503);
            assertThat(result.statusCounts().get(503)).isEqualTo(result.completed() / 10);
            assertThat(result.non2xx()).isEqualTo(result.statusCounts().get(503));
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        OpenModelLoad refused = new OpenModelLoad(
                2, RequestFactory.get(URI.create("http://127.0.0.1:" + closedPort + "/"), Map.of(), TIMEOUT));

        LoadResult result = refused.run(50, Duration.ofSeconds(1));

        assertThat(result.completed()).isZero();
        assertThat(result.errorCount()).isEqualTo(result.sent()).isGreaterThan(40);
        assertThat(result.errors()).containsOnlyKeys("ConnectException");
    }

    @Test
    void sendsNothingDueAfterTheEndAndGivesUpOnSlowRequests() throws Exception {
        try (LoopbackServer server = LoopbackServer.fixedServiceTime(2, Duration.ofSeconds(3))) {
            OpenModelLoad load =
                    new OpenModelLoad(2, RequestFactory.get(server.uri(), Map.of(), TIMEOUT), Duration.ofMillis(500));
            long start = System.nanoTime();

            LoadResult result = load.run(100, Duration.ofSeconds(1));

            // Waiting for the server would take over 3 s; giving up takes the run plus the 500 ms grace.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
            assertThat(result.sent()).isEqualTo(2);
            assertThat(result.unfinished()).isEqualTo(2);
            assertThat(result.scheduled()).isEqualTo(100);
        }
    }

    @Test
    void writesAPercentileDistribution(@TempDir Path dir) throws Exception {
        LoadResult result = LoadResults.clean(100, 1000, 12);

        result.writePercentiles(dir.resolve("raw/run.hgrm"));

        String text = Files.readString(dir.resolve("raw/run.hgrm"));
        assertThat(text).contains("Value     Percentile TotalCount 1/(1-Percentile)");
        assertThat(text).contains("#[Mean    =       12.00");
        assertThat(text).contains("#[Max     =       12.00");
    }

    /** A bare HTTP/1.1 server that answers every request with 200 and counts the connections it accepted. */
    private static final class CountingConnections implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicLong accepted = new AtomicLong();
        private final Thread acceptor;

        CountingConnections() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::accept);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    java.net.Socket connection = socket.accept();
                    accepted.incrementAndGet();
                    Thread handler = new Thread(() -> serve(connection));
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void serve(java.net.Socket connection) {
            try (connection;
                    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                            connection.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))) {
                java.io.OutputStream out = connection.getOutputStream();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // the client went away
            }
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        long connections() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
