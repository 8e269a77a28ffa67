package dev.faro.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One request of a load run, already written out as the HTTP/1.1 message the connection sends: the load generator
 * only copies bytes to a socket, so its CPU per request stays small beside the server's.
 *
 * @param host the server's host, as the socket connects to it
 * @param port the server's port
 * @param message request line, headers and body
 * @param timeout how long to wait for each read of the answer
 */
public record LoadRequest(String host, int port, byte[] message, Duration timeout) {

    static LoadRequest of(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only plain http is generated, not " + uri);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder().append(method).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost())
                .append(':')
                .append(port)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0 || !"GET".equals(method)) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[start.length + body.length];
        System.arraycopy(start, 0, message, 0, start.length);
        System.arraycopy(body, 0, message, start.length, body.length);
        return new LoadRequest(uri.getHost(), port, message, timeout);
    }

    /** Where the request goes, as a connection compares it with where it is connected. */
    String authority() {
        return host + ":" + port;
    }
}
