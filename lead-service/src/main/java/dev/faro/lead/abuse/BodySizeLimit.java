package dev.faro.lead.abuse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.support.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes {@code quarkus.http.limits.max-body-size} answer with a 413 problem, like every other 4xx, instead of
 * Quarkus's empty 413. Two Vert.x routes, ahead of Quarkus's own check and of Quarkus REST:
 *
 * <ul>
 *   <li>a body declared larger than the limit (Content-Length) is refused at once, unread;
 *   <li>an HTTP/1.1 body of undeclared length (chunked) is read here, up to the limit,
 *       so that passing it fails this route rather than Quarkus REST's stream in the middle of deserialisation.
 *       These are small JSON bodies, so holding one costs at most the limit.
 * </ul>
 */
@ApplicationScoped
public class BodySizeLimit {

    // Quarkus's own check runs at ROUTE_ORDER_UPLOAD_LIMIT; this one must come first to answer instead.
    private static final int ORDER_DECLARED_LENGTH = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;
    private static final int ORDER_UNDECLARED_LENGTH = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private static final Set<HttpMethod> METHODS_WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ObjectMapper json;
    private final Optional<Long> limit;

    public BodySizeLimit(
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.limit = maxBodySize.map(MemorySize::asLongValue);
    }

    void install(@Observes Router router) {
        limit.ifPresent(bytes -> {
            router.route().order(ORDER_DECLARED_LENGTH).handler(context -> refuseDeclaredOversize(context, bytes));
            router.route()
                    .order(ORDER_UNDECLARED_LENGTH)
                    .handler(readUndeclaredLength(bytes))
                    .failureHandler(context -> tooLargeAsProblem(context, bytes));
        });
    }

    private void refuseDeclaredOversize(RoutingContext context, long bytes) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isLongerThan(declared, bytes)) {
            sendTooLarge(context, bytes);
            return;
        }
        context.next();
    }

    private static Handler<RoutingContext> readUndeclaredLength(long bytes) {
        // Without file uploads: nothing here accepts files, and no request should make the service write to disk.
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(bytes);
        return context -> {
            HttpServerRequest request = context.request();
            // Not HTTP/2: a stream read to its end here can no longer be paused by Quarkus REST, which then fails
            // every such request with a 500 ("Request has already been read"), bodiless POSTs included. HTTP/2
            // bodies of undeclared length are left to Quarkus's own limit.
            if (!METHODS_WITH_BODY.contains(request.method())
                    || request.getHeader(HttpHeaders.CONTENT_LENGTH) != null
                    || request.version() == HttpVersion.HTTP_2
                    || context.body().available()) {
                context.next();
                return;
            }
            // Quarkus keeps the request paused until a handler wants its body.
            request.resume();
            reader.handle(context);
        };
    }

    /** The body reader (this one, or one Quarkus installed) fails with 413 once a body passes the limit. */
    private void tooLargeAsProblem(RoutingContext context, long bytes) {
        if (context.statusCode() != 413 || context.response().headWritten()) {
            context.next();
            return;
        }
        sendTooLarge(context, bytes);
    }

    private void sendTooLarge(RoutingContext context, long bytes) {
        Problem problem = Problem.of(
                "payload-too-large",
                "The request body is too large",
                413,
                "the body may be at most " + bytes + " bytes",
                List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        HttpServerResponse response = context.response();
        if (context.request().version() != HttpVersion.HTTP_2) {
            // The rest of the body is never read: closing is cheaper than draining what may be gigabytes. (HTTP/2
            // forbids the header; there only the stream ends.)
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    private static boolean isLongerThan(String contentLength, long bytes) {
        try {
            return Long.parseLong(contentLength.strip()) > bytes;
        } catch (NumberFormatException e) {
            // Not a size anyone can judge; the HTTP codec deals with a malformed content-length.
            return false;
        }
    }
}
