package dev.faro.lead.abuse;

import dev.faro.support.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the 413 and 429 answers on the public endpoints. They come from {@link BodySizeLimit}, {@link
 * ClientRateLimit} and {@link CampaignRateLimit}, not from the resources, so no resource annotation says so.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AbuseResponsesInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        document(openAPI.getPaths().getPathItem("/api/leads"), "per client address and per campaign");
        document(openAPI.getPaths().getPathItem("/api/visits"), "per client address");
    }

    private static void document(PathItem path, String limits) {
        Operation post = path == null ? null : path.getPOST();
        if (post == null || post.getResponses() == null) {
            return;
        }
        post.getResponses()
                .addAPIResponse(
                        "413",
                        OASFactory.createAPIResponse()
                                .description("The body is larger than the limit (type payload-too-large)")
                                .content(problem()));
        post.getResponses()
                .addAPIResponse(
                        "429",
                        OASFactory.createAPIResponse()
                                .description("Rate limited " + limits + " (type rate-limited); the detail names the"
                                        + " limit. Limits are per instance.")
                                .addHeader(
                                        "Retry-After",
                                        OASFactory.createHeader()
                                                .description("Whole seconds until the limit admits the client again")
                                                .schema(OASFactory.createSchema()
                                                        .addType(Schema.SchemaType.INTEGER)))
                                .content(problem()));
    }

    private static Content problem() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(Problem.class.getSimpleName())));
    }
}
