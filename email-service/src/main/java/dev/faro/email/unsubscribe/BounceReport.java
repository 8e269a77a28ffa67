package dev.faro.email.unsubscribe;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a mail provider reports after the fact about one address. */
@Schema(description = "An asynchronous bounce or complaint about one address")
public record BounceReport(
        @Schema(description = "The address the report is about", required = true) String email,
        @Schema(description = "`bounce` or `complaint`", required = true) String type,
        @Schema(description = "For a bounce: whether the address is gone for good (a hard bounce)") Boolean permanent) {

    static final String BOUNCE = "bounce";
    static final String COMPLAINT = "complaint";
}
