package dev.faro.bare;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** The app's only endpoint: touches the validator and the security layer, as a service's resources do. */
@Path("/hello")
public class HelloResource {

    @GET
    @PermitAll
    public String hello(@QueryParam("name") @Size(max = 64) String name) {
        return name == null ? "hello" : "hello " + name;
    }
}
