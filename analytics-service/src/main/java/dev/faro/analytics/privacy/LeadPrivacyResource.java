package dev.faro.analytics.privacy;

import dev.faro.analytics.AnalyticsApi;
import dev.faro.support.problem.PathIds;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What analytics-service holds on a lead: no address or other detail of a person, only, under the lead's random id,
 * where the lead came from and how many times the funnel counted each of its steps, both deleted when the lead is
 * erased. A lead without either gets the statement that nothing is held, rather than a missing section.
 */
@Path("/api/privacy/leads/{id}")
@Tag(name = "Personal data", description = "What this service holds on a person")
@SecurityRequirement(name = AnalyticsApi.BEARER)
@RolesAllowed(Roles.ADMIN)
public class LeadPrivacyResource {

    static final String NOTHING_HELD = "analytics-service holds no personal data on this lead: its funnel counts"
            + " events per campaign, landing page, variant, UTM source and day, and keeps no address or other detail"
            + " of any person.";
    static final String ATTRIBUTION_HELD = "analytics-service keeps, until the lead is erased, where the lead came"
            + " from (campaign, landing page, variant, UTM source and medium), so the lead's later steps count there."
            + " It also keeps how many times its funnel counted each of the lead's steps, so a reconciliation can compare"
            + " the funnel with the other services lead by lead. Its funnel holds counts only.";

    /** Where a lead came from, as analytics keeps it to count the lead's later steps. */
    @Schema(name = "AnalyticsLeadAttribution")
    public record Attribution(String campaign, String landingPage, String variant, String source, String medium) {}

    /** What analytics holds on one lead. */
    @Schema(name = "AnalyticsLeadRecords")
    public record Held(
            UUID leadId,
            boolean holdsPersonalData,
            String statement,
            Attribution attribution,
            @Schema(description = "Times the funnel counted each step of the lead, by funnel column")
                    Map<String, Long> counted) {}

    private final EntityManager entityManager;

    public LeadPrivacyResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What analytics holds on a lead",
            description = "Where the lead came from (its attribution) and how many times each of its steps was"
                    + " counted, until the lead is erased; the funnel itself is counts only.")
    @APIResponse(
            responseCode = "200",
            description = "The lead's attribution, or the statement that nothing is held",
            content = @Content(schema = @Schema(implementation = Held.class)))
    @Transactional
    public Held lead(@Parameter(description = "Lead id") @PathParam("id") String id) {
        UUID leadId = PathIds.uuid(id, () -> ProblemException.notFound("no lead " + id));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select campaign, landing_page, variant, source, medium from lead_attribution
                        where lead_id = :lead
                        """)
                .setParameter("lead", leadId)
                .getResultList();
        Map<String, Long> counted = counted(leadId);
        if (rows.isEmpty() && counted.isEmpty()) {
            return new Held(leadId, false, NOTHING_HELD, null, Map.of());
        }
        Attribution attribution = null;
        if (!rows.isEmpty()) {
            Object[] row = rows.get(0);
            attribution = new Attribution(
                    (String) row[0],
                    blankToNull(row[1]),
                    blankToNull(row[2]),
                    blankToNull(row[3]),
                    blankToNull(row[4]));
        }
        return new Held(leadId, true, ATTRIBUTION_HELD, attribution, counted);
    }

    private Map<String, Long> counted(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select stage, times from lead_counted where lead_id = :lead order by stage")
                .setParameter("lead", leadId)
                .getResultList();
        Map<String, Long> counted = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counted.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counted;
    }

    /** The attribution table stores an unknown dimension as ''. */
    private static String blankToNull(Object value) {
        String text = (String) value;
        return text == null || text.isEmpty() ? null : text;
    }
}
