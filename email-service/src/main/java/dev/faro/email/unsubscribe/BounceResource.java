package dev.faro.email.unsubscribe;

import dev.faro.contract.events.Unsubscribed;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bounces and complaints a mail provider reports after accepting a message. A hard bounce or a complaint suppresses
 * the address for all non-transactional mail; a soft bounce changes nothing.
 */
@Path("/api/email/bounces")
@Tag(name = "Unsubscribe", description = "Opting out of email, from the link in each message")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class BounceResource {

    private static final int MAX_ADDRESS = 254;

    private final SuppressionList suppressions;

    public BounceResource(SuppressionList suppressions) {
        this.suppressions = suppressions;
    }

    /** Whether the report suppressed the address (false for a soft bounce, or an address already suppressed). */
    public record Outcome(boolean suppressed) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a bounce or a complaint")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Not a valid report")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the admin role")
    public Outcome report(BounceReport report) {
        validate(report);
        SuppressionReason reason;
        if (BounceReport.COMPLAINT.equals(report.type())) {
            reason = SuppressionReason.COMPLAINED;
        } else if (Boolean.TRUE.equals(report.permanent())) {
            reason = SuppressionReason.HARD_BOUNCED;
        } else {
            return new Outcome(false);
        }
        return new Outcome(suppressions.add(report.email(), Unsubscribed.SCOPE_ALL, reason));
    }

    private static void validate(BounceReport report) {
        if (report == null) {
            throw ProblemException.invalid("body", "a report is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String email = report.email() == null ? "" : report.email().strip();
        if (email.isEmpty() || email.length() > MAX_ADDRESS || email.indexOf('@') < 1) {
            errors.add(new Problem.FieldError("email", "an email address is required"));
        }
        if (!BounceReport.BOUNCE.equals(report.type()) && !BounceReport.COMPLAINT.equals(report.type())) {
            errors.add(new Problem.FieldError("type", "must be bounce or complaint"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
