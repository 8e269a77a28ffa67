package dev.faro.analytics.dashboard;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers for the marketers' dashboard, the static files under {@code META-INF/resources} served at
 * {@code /}. The page handles a bearer token, so it loads nothing but its own files, runs no inline script and is
 * never framed. Quarkus's own pages under {@code /q/} are left alone.
 */
@ApplicationScoped
public class DashboardSecurityHeaders {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; object-src 'none';" + " form-action 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(DashboardSecurityHeaders::addHeaders, 100);
    }

    private static void addHeaders(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/q/")) {
            // Set as the headers go out, so they win over whatever the static file handler wrote.
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                if (!path.startsWith("/api/")) {
                    // A new dashboard version must reach marketers at their next load, not when a cache expires.
                    headers.set("Cache-Control", "no-cache");
                }
            });
        }
        context.next();
    }
}
