package dev.faro.local.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small web inbox over an {@link Inbox} on loopback: {@code GET /api/messages} (JSON; {@code ?from=N} skips the first N), {@code DELETE /api/messages},
 * {@code GET /} (a page listing the messages) and {@code GET /messages/{n}} (one message, 1 = oldest).
 */
public final class InboxHttpServer implements AutoCloseable {

    private static final Pattern MESSAGE_PATH = Pattern.compile("/messages/(\\d{1,9})");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Inbox inbox;

    private InboxHttpServer(HttpServer server, ExecutorService executor, Inbox inbox) {
        this.server = server;
        this.executor = executor;
        this.inbox = inbox;
    }

    public static InboxHttpServer start(Inbox inbox, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "faro-inbox-http");
                thread.setDaemon(true);
                return thread;
            });
            InboxHttpServer inboxServer = new InboxHttpServer(server, executor, inbox);
            server.createContext("/", inboxServer::handle);
            server.setExecutor(executor);
            server.start();
            return inboxServer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the inbox web server on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher message = MESSAGE_PATH.matcher(path);
            if (path.equals("/api/messages") && method.equals("GET")) {
                OptionalInt from = fromParameter(exchange.getRequestURI().getRawQuery());
                if (from.isEmpty()) {
                    send(exchange, 400, "text/plain; charset=utf-8", "from must be a whole number of messages");
                    return;
                }
                send(
                        exchange,
                        200,
                        "application/json; charset=utf-8",
                        InboxJson.write(inbox.messagesAfter(from.getAsInt())));
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                inbox.clear();
                exchange.sendResponseHeaders(204, -1);
            } else if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", InboxPages.list(inbox.messages()));
            } else if (message.matches() && method.equals("GET")) {
                List<InboxMessage> messages = inbox.messages();
                int index = Integer.parseInt(message.group(1));
                if (index < 1 || index > messages.size()) {
                    send(exchange, 404, "text/plain; charset=utf-8", "no message " + index);
                } else {
                    send(exchange, 200, "text/html; charset=utf-8", InboxPages.message(index, messages.get(index - 1)));
                }
            } else if (path.equals("/api/messages") || path.equals("/") || message.matches()) {
                exchange.getResponseHeaders().add("Allow", path.equals("/api/messages") ? "GET, DELETE" : "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", "inbox error: " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    /**
     * {@code ?from=N} skips the first N messages, in the order received, so a client polling a large inbox reads
     * only what is new; absent, everything. Empty when the value is not a whole number.
     */
    static OptionalInt fromParameter(String query) {
        if (query == null || query.isEmpty()) {
            return OptionalInt.of(0);
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("from=")) {
                String value = pair.substring("from=".length());
                return value.matches("\\d{1,9}") ? OptionalInt.of(Integer.parseInt(value)) : OptionalInt.empty();
            }
        }
        return OptionalInt.of(0);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public String toString() {
        return "inbox web server on port " + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
