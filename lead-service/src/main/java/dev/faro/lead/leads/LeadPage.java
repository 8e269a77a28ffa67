package dev.faro.lead.leads;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a campaign's leads, newest first. */
@Schema(name = "LeadPage")
public record LeadPage(
        List<LeadView> leads,
        @Schema(nullable = true, description = "Send it as `cursor` to read the next page; null on the last page")
                String nextCursor) {}
