package dev.faro.lead.origin;

import dev.faro.support.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS for the endpoints landing pages call from other sites. A preflight names no campaign, so it is answered
 * for any origin some active campaign allows; the request itself is then checked against its own campaign's list
 * (by the capture and visit resources). Every answer to an allowed origin, errors included, carries the CORS
 * headers, so faro.js can read a problem's field errors.
 */
public class CorsFilters {

    private static final Set<String> PUBLIC_PATHS = Set.of("/api/leads", "/api/visits");
    private static final String ALLOWED_HEADERS = "Content-Type, Idempotency-Key";
    private static final String EXPOSED_HEADERS = "Retry-After, Idempotent-Replayed, Location";
    private static final String PREFLIGHT_CACHE_SECONDS = "600";

    private final AllowedOrigins allowedOrigins;

    public CorsFilters(AllowedOrigins allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Optional<Response> preflight(ContainerRequestContext request, HttpServerRequest http) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())
                || !PUBLIC_PATHS.contains(normalised(request.getUriInfo().getPath()))
                || request.getHeaderString("Access-Control-Request-Method") == null) {
            return Optional.empty();
        }
        Optional<BrowserOrigin> origin = BrowserOrigin.of(http);
        if (origin.isEmpty() || !allowed(origin.get())) {
            return Optional.of(Response.status(Response.Status.FORBIDDEN)
                    .type(Problem.MEDIA_TYPE)
                    .entity(OriginNotAllowed.forCampaign(
                                    "(any)", origin.map(BrowserOrigin::origin).orElse("(none)"))
                            .problem())
                    .header(HttpHeaders.VARY, "Origin")
                    .build());
        }
        return Optional.of(Response.noContent()
                .header("Access-Control-Allow-Origin", origin.get().origin())
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", PREFLIGHT_CACHE_SECONDS)
                .header(HttpHeaders.VARY, "Origin")
                .build());
    }

    @ServerResponseFilter
    public void allowReading(ContainerRequestContext request, ContainerResponseContext response) {
        if (!PUBLIC_PATHS.contains(normalised(request.getUriInfo().getPath()))) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, "Origin");
        String origin = request.getHeaderString("Origin");
        if (origin != null && allowedOrigins.allowedBySomeCampaign(origin.strip())) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin.strip());
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private boolean allowed(BrowserOrigin origin) {
        return origin.sameOrigin() || allowedOrigins.allowedBySomeCampaign(origin.origin());
    }

    private static String normalised(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
