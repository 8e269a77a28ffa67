package dev.faro.lead.visit;

import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The visits benchmark's ceiling ({@code ./faro bench visits}): the same HTTP path as {@link VisitResource} (event
 * loop, JSON body under the shared 64 KiB limit), minus parsing, validation and publishing, so the gap between the
 * two is what a visit costs. It exists only in a process started with {@code faro.bench.noop-endpoint=true}
 * ({@code FARO_BENCH_NOOP_ENDPOINT=true}); the check is made at start-up, so without it the path is a plain 404.
 */
@Path("/api/bench/noop")
@EndpointDisabled(name = "faro.bench.noop-endpoint", stringValue = "false", disableIfMissing = true)
public class NoopBeaconResource {

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response accept(byte[] body) {
        return Response.accepted().build();
    }
}
