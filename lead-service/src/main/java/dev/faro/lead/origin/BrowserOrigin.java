package dev.faro.lead.origin;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Origin} a browser sent with a request, if any. Requests without one (a server posting leads, curl)
 * are not cross-origin browser requests and CORS does not apply to them. A page served by lead-service itself
 * (the demo page) is same-origin: its Origin names the host the request was sent to.
 */
public record BrowserOrigin(String origin, boolean sameOrigin) {

    /** The Origin of a request, judged against the host the request was sent to. */
    public static Optional<BrowserOrigin> of(HttpServerRequest http) {
        return of(
                http.getHeader("Origin"),
                http.authority() == null ? null : http.authority().toString());
    }

    public static Optional<BrowserOrigin> of(String originHeader, String hostHeader) {
        if (originHeader == null || originHeader.isBlank()) {
            return Optional.empty();
        }
        String origin = originHeader.strip();
        return Optional.of(new BrowserOrigin(origin, authorityOf(origin).equalsIgnoreCase(hostHeader)));
    }

    /** Whether a page of this origin may post to a campaign that lists {@code allowedOrigins}. */
    public boolean allowedBy(Collection<String> allowedOrigins) {
        return sameOrigin || allowedOrigins.contains(origin);
    }

    /** host[:port] of an origin; empty for "null" (sandboxed pages, file:) or anything unparseable. */
    private static String authorityOf(String origin) {
        try {
            String authority = new URI(origin).getRawAuthority();
            return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
