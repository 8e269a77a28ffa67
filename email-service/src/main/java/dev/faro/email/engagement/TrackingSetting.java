package dev.faro.email.engagement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's engagement tracking setting, as the admin API reads and writes it. */
@Schema(description = "Whether a campaign's emails carry the open pixel and tracked links")
public record TrackingSetting(
        @Schema(description = "On: the open pixel and tracked links are added; off (the default): nothing is tracked")
                boolean tracking) {}
