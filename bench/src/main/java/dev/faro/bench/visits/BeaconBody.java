package dev.faro.bench.visits;

import java.util.Locale;

/**
 * The JSON faro.js posts to {@code /api/visits} when a landing page is viewed: its keys in the order the script
 * builds them, absent settings left out, and a visitor id of the script's shape ({@code v-} and 32 hex digits),
 * different for every request so that no two beacons look like one browser.
 */
final class BeaconBody {

    private final long salt;

    BeaconBody(long salt) {
        this.salt = salt;
    }

    String forSequence(long sequence) {
        return "{\"campaign\":\"demo\",\"landingPage\":\"redes-sociales\",\"variant\":\"a\",\"visitorId\":\""
                + visitorId(sequence)
                + "\",\"referrer\":\"https://news.example.org/articulo?id=7\","
                + "\"utm\":{\"source\":\"newsletter\",\"medium\":\"email\",\"campaign\":\"otono\"}}";
    }

    String visitorId(long sequence) {
        return String.format(Locale.ROOT, "v-%016x%016x", salt, sequence);
    }
}
