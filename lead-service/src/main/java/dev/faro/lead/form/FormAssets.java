package dev.faro.lead.form;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embeddable form's static files ({@code META-INF/resources}) are served by Quarkus; this adjusts what the
 * static handler cannot be told per file.
 *
 * <ul>
 *   <li>{@code /faro.js} keeps the same URL across releases (pages embed it as is), so it gets a short cache
 *       lifetime instead of the static handler's default of a day: a fix reaches every landing page within
 *       minutes, and revalidation stays cheap with Last-Modified. Its type is stated with its charset, as the
 *       file is UTF-8 (Spanish default messages).
 *   <li>{@code /demo/} is the local-mode landing page of the {@code demo} campaign, which only exists where
 *       {@code faro.demo.seed} is on; elsewhere the page would post to a campaign that is not there, so it is not
 *       served.
 * </ul>
 */
@ApplicationScoped
public class FormAssets {

    private static final String SCRIPT = "/faro.js";
    private static final String SCRIPT_CONTENT_TYPE = "text/javascript; charset=utf-8";
    private static final String SCRIPT_CACHE_CONTROL = "public, max-age=600";
    private static final String DEMO = "^/demo(/.*)?$";

    private final boolean demoEnabled;

    public FormAssets(@ConfigProperty(name = "faro.demo.seed") boolean demoEnabled) {
        this.demoEnabled = demoEnabled;
    }

    void routes(@Observes Router router) {
        // Routes registered here run before the static handler, which Quarkus adds last.
        router.route(SCRIPT).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::scriptHeaders);
        router.routeWithRegex(DEMO).handler(this::demoOnlyWhenSeeded);
    }

    private void scriptHeaders(RoutingContext context) {
        // Set just before the headers go out, so they replace what the static handler chose.
        context.addHeadersEndHandler(ignored -> context.response()
                .headers()
                .set(HttpHeaders.CONTENT_TYPE, SCRIPT_CONTENT_TYPE)
                .set(HttpHeaders.CACHE_CONTROL, SCRIPT_CACHE_CONTROL));
        context.next();
    }

    private void demoOnlyWhenSeeded(RoutingContext context) {
        if (demoEnabled) {
            context.next();
        } else {
            context.response().setStatusCode(404).end();
        }
    }
}
