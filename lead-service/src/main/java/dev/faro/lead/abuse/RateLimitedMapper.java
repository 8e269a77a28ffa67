package dev.faro.lead.abuse;

import dev.faro.support.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A rate-limit refusal raised inside Quarkus REST: the problem plus the Retry-After it needs. */
public class RateLimitedMapper {

    @ServerExceptionMapper
    public Response rateLimited(RateLimited refused) {
        return Response.status(refused.problem().status())
                .type(Problem.MEDIA_TYPE)
                .entity(refused.problem())
                .header(HttpHeaders.RETRY_AFTER, refused.retryAfterSeconds())
                .build();
    }
}
