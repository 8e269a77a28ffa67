package dev.faro.email.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many messages stand at each status of the send ledger. */
@Schema(description = "Messages by status in the send ledger")
public record StatusCounts(
        @Schema(description = "Waiting for their time (a retry, or their contact)") long pending,
        @Schema(description = "Claimed by a sender right now") long attempting,
        @Schema(description = "Accepted by the SMTP server") long sent,
        @Schema(description = "Rejected permanently by the SMTP server, or out of attempts") long failed,
        @Schema(description = "Refused before sending: the address is suppressed, or marketing lacks consent")
                long suppressed,
        @Schema(description = "No longer wanted before it went out (a nurture step after unsubscribe or redemption)")
                long cancelled,
        @Schema(description = "All of the above") long total) {

    static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0, 0, 0, 0);

    StatusCounts plus(StatusCounts other) {
        return new StatusCounts(
                pending + other.pending,
                attempting + other.attempting,
                sent + other.sent,
                failed + other.failed,
                suppressed + other.suppressed,
                cancelled + other.cancelled,
                total + other.total);
    }
}
