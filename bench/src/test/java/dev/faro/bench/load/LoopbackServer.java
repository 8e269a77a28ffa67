package dev.faro.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A JDK HTTP server on loopback with a fixed number of handler threads, for the load generator's tests. */
final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    final AtomicLong requests = new AtomicLong();

    private LoopbackServer(int threads, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            handler.handle(exchange);
        });
        server.start();
    }

    /** Answers 204 after {@code serviceTime}, on {@code threads} threads: a capacity of threads / serviceTime. */
    static LoopbackServer fixedServiceTime(int threads, Duration serviceTime) throws IOException {
        return new LoopbackServer(threads, exchange -> {
            sleep(serviceTime);
            respond(exchange, 204);
        });
    }

    /** Answers with whatever status {@code statusOfRequest} gives the n-th request (from 1). */
    static LoopbackServer withStatuses(java.util.function.LongUnaryOperator statusOfRequest) throws IOException {
        AtomicLong count = new AtomicLong();
        return new LoopbackServer(
                4, exchange -> respond(exchange, (int) statusOfRequest.applyAsLong(count.incrementAndGet())));
    }

    /** One thread, answering at once except that the {@code stallAt}-th request holds it for {@code stall}. */
    static LoopbackServer stallingOnce(long stallAt, Duration stall) throws IOException {
        AtomicLong count = new AtomicLong();
        return new LoopbackServer(1, exchange -> {
            if (count.incrementAndGet() == stallAt) {
                sleep(stall);
            }
            respond(exchange, 204);
        });
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
