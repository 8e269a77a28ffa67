package dev.faro.support.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;

/**
 * Documents the 401 and 403 answers of every operation that needs a bearer token, in every service: the security
 * layer sends them, not the resources, and saying so on each operation would repeat the same lines everywhere. An
 * operation that documents its own 401 or 403 (a public endpoint with a reason of its own) keeps it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SecuredOperationResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty() || operation.getResponses() == null) {
            return operation;
        }
        if (!operation.getResponses().hasAPIResponse("401")) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "401",
                            OASFactory.createAPIResponse()
                                    .description("No valid bearer token")
                                    .content(problem()));
        }
        if (!operation.getResponses().hasAPIResponse("403")) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "403",
                            OASFactory.createAPIResponse()
                                    .description("The token has none of the roles this operation allows")
                                    .content(problem()));
        }
        return operation;
    }

    private static Content problem() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(Problem.class.getSimpleName())));
    }
}
