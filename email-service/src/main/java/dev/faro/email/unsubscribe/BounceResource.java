package dev.faro.email.unsubscribe;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faro.contract.events.Unsubscribed;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import dev.faro.support.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bounces and complaints a mail provider reports after accepting a message: as Faro's JSON, as a delivery status
 * notification (DSN, RFC 3464) or as an Abuse Reporting Format complaint (ARF, RFC 5965). A hard bounce or a
 * complaint suppresses the address for all non-transactional mail; a soft bounce changes nothing.
 */
@Path("/api/email/bounces")
@Tag(name = "Unsubscribe", description = "Opting out of email, from the link in each message")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class BounceResource {

    private static final int MAX_ADDRESS = 254;

    private final SuppressionList suppressions;
    private final long maxReportBytes;

    public BounceResource(SuppressionList suppressions, BounceReportsConfig config) {
        this.suppressions = suppressions;
        this.maxReportBytes = config.maxReportSize().asLongValue();
    }

    @Schema(description = "What a report did")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(
            @Schema(description = "Whether the report added an address to the suppression list") boolean suppressed,
            @Schema(description = "Each address the report is about") List<Recipient> recipients) {}

    /** One address of a report, and what became of it. */
    @Schema(description = "One address a report is about")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recipient(
            @Schema(description = "The address, lower-cased") String email,
            @Schema(description = "Whether this report suppressed it (false when it was suppressed already)")
                    boolean suppressed,
            @Schema(
                            description =
                                    "`hard-bounced` or `complained` when the report calls for suppression; absent when"
                                            + " it does not (a soft bounce, a delay, a not-spam report)")
                    String reason,
            @Schema(description = "DSN: the Action (failed, delayed, delivered, relayed, expanded)") String action,
            @Schema(description = "DSN: the enhanced status code, such as 5.1.1") String status,
            @Schema(description = "DSN: the remote server's answer") String diagnosticCode,
            @Schema(description = "ARF: the Feedback-Type, such as abuse or not-spam") String feedbackType) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a bounce or a complaint")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Not a valid report")
    public Outcome report(BounceReport report) {
        validate(report);
        SuppressionReason reason;
        if (BounceReport.COMPLAINT.equals(report.type())) {
            reason = SuppressionReason.COMPLAINED;
        } else if (Boolean.TRUE.equals(report.permanent())) {
            reason = SuppressionReason.HARD_BOUNCED;
        } else {
            reason = null;
        }
        String email = report.email().strip().toLowerCase(Locale.ROOT);
        return apply(List.of(new ReportedRecipient(email, reason, null, null, null, null)));
    }

    @POST
    @Consumes({MimeReportReader.MULTIPART_REPORT, MimeReportReader.MESSAGE})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report bounces or a complaint as the provider sent them",
            description = "A multipart/report body: a delivery status notification (report-type=delivery-status,"
                    + " RFC 3464) or an ARF complaint (report-type=feedback-report, RFC 5965); or a whole message"
                    + " (message/rfc822) whose body is one.")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "413", description = "The report is larger than faro.email.bounces.max-report-size")
    @APIResponse(
            responseCode = "422",
            description = "The report cannot be read, is of a type not handled, or names no usable address")
    public Outcome report(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return apply(MimeReportReader.read(bounded(body), contentType));
    }

    private Outcome apply(List<ReportedRecipient> reported) {
        // One transaction: a report with several addresses suppresses all of them or none.
        List<Recipient> recipients = QuarkusTransaction.joiningExisting().call(() -> reported.stream()
                .map(r -> new Recipient(
                        r.email(),
                        r.reason() != null && suppressions.add(r.email(), Unsubscribed.SCOPE_ALL, r.reason()),
                        r.reason() == null ? null : r.reason().code(),
                        r.action(),
                        r.status(),
                        r.diagnosticCode(),
                        r.feedbackType()))
                .toList());
        return new Outcome(recipients.stream().anyMatch(Recipient::suppressed), recipients);
    }

    private byte[] bounded(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(Math.toIntExact(maxReportBytes + 1));
            if (bytes.length > maxReportBytes) {
                throw UnusableReport.tooLarge(maxReportBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
