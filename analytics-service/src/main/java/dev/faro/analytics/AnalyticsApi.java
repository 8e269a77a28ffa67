package dev.faro.analytics;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI description of analytics-service's HTTP API; resources need no registration. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Faro analytics-service",
                        version = "1",
                        description = "Campaign funnels counted from Faro's event log, for marketers."))
@SecurityScheme(
        securitySchemeName = AnalyticsApi.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A JWT from Faro's issuer; its `groups` claim carries the roles.")
public class AnalyticsApi extends Application {

    /** Name of the security scheme that protected operations refer to. */
    public static final String BEARER = "bearer";
}
