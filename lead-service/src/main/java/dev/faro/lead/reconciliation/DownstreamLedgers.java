package dev.faro.lead.reconciliation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What incentive-, email- and analytics-service answer about a page of leads ({@code POST
 * /api/admin/reconciliation/leads} on each). Unknown properties are ignored, so a service may add to its answer
 * before lead-service reads it.
 */
final class DownstreamLedgers {

    private DownstreamLedgers() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventWaiting(String type, Instant recordedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Incentives(List<IncentiveEntry> leads) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IncentiveEntry(
            UUID leadId,
            boolean erased,
            List<Incentive> incentives,
            List<Refusal> refusals,
            List<EventWaiting> unsent) {

        IncentiveEntry {
            incentives = orEmpty(incentives);
            refusals = orEmpty(refusals);
            unsent = orEmpty(unsent);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Incentive(String campaign, String kind, Instant issuedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refusal(String campaign, String reason, Instant refusedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Emails(List<EmailEntry> leads) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EmailEntry(
            UUID leadId,
            boolean erased,
            List<Message> messages,
            List<KeyWait> eventsAwaitingKey,
            List<EventWaiting> unsent) {

        EmailEntry {
            messages = orEmpty(messages);
            eventsAwaitingKey = orEmpty(eventsAwaitingKey);
            unsent = orEmpty(unsent);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(
            String kind,
            int step,
            String status,
            String messageId,
            int attempts,
            boolean awaitingRecipient,
            Instant recordedAt,
            Instant sentAt) {

        boolean isFinal() {
            return !"pending".equals(status) && !"attempting".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeyWait(String type, Instant arrivedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Funnel(List<FunnelEntry> leads) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FunnelEntry(UUID leadId, boolean attributed, Map<String, Long> counted) {

        long counted(String stage) {
            Long times = counted == null ? null : counted.get(stage);
            return times == null ? 0 : times;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** One page's answers, each keyed by lead id. */
    record Page(Map<UUID, IncentiveEntry> incentives, Map<UUID, EmailEntry> emails, Map<UUID, FunnelEntry> funnel) {}
}
