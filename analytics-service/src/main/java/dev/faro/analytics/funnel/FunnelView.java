package dev.faro.analytics.funnel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The funnel of one campaign as the API shows it: the totals, and the groups when a breakdown was asked for. */
@Schema(name = "Funnel", description = "How far the leads of a campaign got, summed over the requested days")
public record FunnelView(
        @Schema(description = "The campaign slug", examples = "demo") String campaign,
        @JsonUnwrapped FunnelFigures totals,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(description = "The breakdown asked for: variant, page, source or day", nullable = true)
                String groupBy,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(description = "One entry per group that had any activity in the range, ordered by key")
                List<FunnelGroup> groups) {

    /** One group of the breakdown, with the same figures as the totals. */
    @Schema(name = "FunnelGroup")
    public record FunnelGroup(
            @Schema(description = "The variant, landing page, UTM source or UTC day (ISO date); '' when not known")
                    String key,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "The landing page of the variant (groupBy=variant only)")
                    String landingPage,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(
                            description = "Leads captured up to and including this day, since the campaign began"
                                    + " (groupBy=day only)")
                    Long cumulativeLeads,
            @JsonUnwrapped FunnelFigures figures) {}
}
