package dev.faro.lead.abuse;

import dev.faro.lead.web.ClientAddresses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the per-address limits. A request filter runs once Quarkus REST has matched the resource method and
 * before it reads the body, so the limit follows the resource's own {@code @Path} (the visits limit applies to
 * whatever resource serves {@code POST /api/visits}), and no spelling of the URL that still reaches the
 * resource ({@code /api/leads/}, {@code /api/leads;x=1}…) gets around it.
 */
public class ClientRateLimit {

    private static final Map<String, RateLimit> BY_PATH = Map.of(
            "/api/leads", RateLimit.LEAD_PER_CLIENT,
            "/api/visits", RateLimit.VISIT_PER_CLIENT,
            "/api/privacy/erasure-requests", RateLimit.ERASURE_REQUEST_PER_CLIENT);

    private final RateLimits rateLimits;
    private final ClientAddresses clients;
    private final Map<Method, Optional<RateLimit>> limitOfMethod = new ConcurrentHashMap<>();

    public ClientRateLimit(RateLimits rateLimits, ClientAddresses clients) {
        this.rateLimits = rateLimits;
        this.clients = clients;
    }

    // On the event loop, ahead of the switch to a worker thread: a refusal should cost a bot's flood no thread.
    @ServerRequestFilter(nonBlocking = true)
    public void limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!HttpMethod.POST.equals(request.getMethod()) || resource.getResourceMethod() == null) {
            return;
        }
        Optional<RateLimit> limit = limitOfMethod.computeIfAbsent(
                resource.getResourceMethod(),
                method -> Optional.ofNullable(BY_PATH.get(pathOf(resource.getResourceClass(), method))));
        if (limit.isPresent()) {
            rateLimits.admit(limit.get(), clients.clientOf(http));
        }
    }

    /** The resource method's path template, as declared: "/api/leads". */
    static String pathOf(Class<?> resource, Method method) {
        Path onClass = resource.getAnnotation(Path.class);
        Path onMethod = method.getAnnotation(Path.class);
        String path = "/" + (onClass == null ? "" : onClass.value()) + "/" + (onMethod == null ? "" : onMethod.value());
        path = path.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
