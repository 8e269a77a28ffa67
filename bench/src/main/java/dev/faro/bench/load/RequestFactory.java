package dev.faro.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Builds the request with a given sequence number (0, 1, 2, ...), so that each one can carry a fresh body: a new
 * email per lead, a new visitor per beacon. Called from the worker threads, concurrently.
 */
@FunctionalInterface
public interface RequestFactory {

    HttpRequest create(long sequence);

    /** A GET of a fixed URL. */
    static RequestFactory get(URI uri, Map<String, String> headers, Duration timeout) {
        return sequence -> builder(uri, headers, timeout).GET().build();
    }

    /** A POST of a JSON body made per request. */
    static RequestFactory postJson(URI uri, Map<String, String> headers, Duration timeout, LongFunction<String> body) {
        return sequence -> builder(uri, headers, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.apply(sequence)))
                .build();
    }

    private static HttpRequest.Builder builder(URI uri, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach(builder::header);
        return builder;
    }
}
