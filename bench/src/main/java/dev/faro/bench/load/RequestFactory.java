package dev.faro.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Builds the request with a given sequence number (0, 1, 2, ...), so that each one can carry a fresh body: a new
 * email per lead, a new visitor per beacon. Called from the worker threads, concurrently.
 */
@FunctionalInterface
public interface RequestFactory {

    LoadRequest create(long sequence);

    /** A GET of a fixed URL; the message is the same every time, so it is written once. */
    static RequestFactory get(URI uri, Map<String, String> headers, Duration timeout) {
        LoadRequest request = LoadRequest.of("GET", uri, headers, new byte[0], timeout);
        return sequence -> request;
    }

    /** A POST of a JSON body made per request. */
    static RequestFactory postJson(URI uri, Map<String, String> headers, Duration timeout, LongFunction<String> body) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", "application/json");
        return sequence ->
                LoadRequest.of("POST", uri, withType, body.apply(sequence).getBytes(StandardCharsets.UTF_8), timeout);
    }
}
