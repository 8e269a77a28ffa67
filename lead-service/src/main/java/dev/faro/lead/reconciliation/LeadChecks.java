package dev.faro.lead.reconciliation;

import dev.faro.contract.events.EmailSent;
import dev.faro.lead.reconciliation.Discrepancy.Kind;
import dev.faro.support.outbox.UnsentEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules a lead's story must follow across the services. Where a step waits on an earlier one (an event stuck in
 * an outbox, a capture waiting for its data key), only the earlier one is reported: it is the cause, and what comes
 * after it is missing because of it.
 */
final class LeadChecks {

    static final String LEAD_SERVICE = "lead-service";
    static final String INCENTIVE_SERVICE = "incentive-service";
    static final String EMAIL_SERVICE = "email-service";
    static final String ANALYTICS_SERVICE = "analytics-service";

    private final Instant stuckBefore;
    private final ReconciliationTotals.Counter totals;

    /**
     * @param stuckBefore an event recorded before this instant and still not on Kafka is stuck
     * @param totals where the checked leads are counted
     */
    LeadChecks(Instant stuckBefore, ReconciliationTotals.Counter totals) {
        this.stuckBefore = stuckBefore;
        this.totals = totals;
    }

    List<Discrepancy> check(LeadFacts facts) {
        AcknowledgedLead lead = facts.lead();
        List<Discrepancy> found = new ArrayList<>();
        boolean stuckHere = stuck(facts.unsentHere(), lead, LEAD_SERVICE, found);
        boolean incentiveStuck = stuck(unsent(facts.incentives().unsent(), lead), lead, INCENTIVE_SERVICE, found);
        stuck(unsent(facts.emails().unsent(), lead), lead, EMAIL_SERVICE, found);
        if (stuckHere) {
            return found;
        }
        List<DownstreamLedgers.Incentive> incentives = facts.incentives().incentives().stream()
                .filter(incentive -> lead.campaign().equals(incentive.campaign()))
                .toList();
        totals.incentivesIssued += incentives.size();
        if (lead.pending()) {
            totals.pending++;
            if (!incentives.isEmpty()) {
                found.add(discrepancy(
                        Kind.INCENTIVE_UNEXPECTED,
                        lead,
                        INCENTIVE_SERVICE,
                        "issued to a lead that has" + " not confirmed its address"));
            }
        } else if (incentives.isEmpty()) {
            if (refused(facts.incentives(), lead)) {
                totals.incentivesRefused++;
            } else {
                found.add(discrepancy(Kind.INCENTIVE_MISSING, lead, INCENTIVE_SERVICE, "no incentive and no refusal"));
            }
        } else if (incentives.size() > 1) {
            found.add(discrepancy(
                    Kind.INCENTIVE_DUPLICATED, lead, INCENTIVE_SERVICE, incentives.size() + " incentives issued"));
        }
        if (!incentives.isEmpty() && !incentiveStuck) {
            checkEmails(facts.emails(), lead, found);
        }
        checkFunnel(facts, lead, found);
        return found;
    }

    private void checkEmails(DownstreamLedgers.EmailEntry emails, AcknowledgedLead lead, List<Discrepancy> found) {
        if (emails.erased()) {
            return;
        }
        if (!emails.eventsAwaitingKey().isEmpty()) {
            String types = emails.eventsAwaitingKey().stream()
                    .map(DownstreamLedgers.KeyWait::type)
                    .collect(Collectors.joining(", "));
            found.add(discrepancy(
                    Kind.WAITING_FOR_DATA_KEY,
                    lead,
                    EMAIL_SERVICE,
                    "events waiting for the lead's data key since "
                            + emails.eventsAwaitingKey().get(0).arrivedAt() + ": " + types));
            return;
        }
        List<DownstreamLedgers.Message> messages = incentiveMessages(emails);
        if (messages.isEmpty()) {
            found.add(discrepancy(Kind.EMAIL_MISSING, lead, EMAIL_SERVICE, "no incentive email recorded"));
            return;
        }
        Map<Integer, Long> rowsPerStep = new TreeMap<>(messages.stream()
                .collect(Collectors.groupingBy(DownstreamLedgers.Message::step, Collectors.counting())));
        Set<String> messageIds = new HashSet<>();
        boolean repeatedMessageId = messages.stream()
                .map(DownstreamLedgers.Message::messageId)
                .filter(id -> id != null)
                .anyMatch(id -> !messageIds.add(id));
        if (rowsPerStep.values().stream().anyMatch(rows -> rows > 1) || repeatedMessageId) {
            found.add(discrepancy(
                    Kind.EMAIL_DUPLICATED,
                    lead,
                    EMAIL_SERVICE,
                    messages.size() + " incentive emails recorded"
                            + (repeatedMessageId ? ", a Message-ID twice" : "")));
        }
        for (DownstreamLedgers.Message message : messages) {
            if ("sent".equals(message.status())) {
                totals.emailsSent++;
            } else if (message.isFinal()) {
                totals.emailsNotSent++;
            } else {
                found.add(discrepancy(
                        Kind.EMAIL_NOT_FINAL,
                        lead,
                        EMAIL_SERVICE,
                        message.status() + " after " + message.attempts() + " attempt(s), recorded "
                                + message.recordedAt()
                                + (message.awaitingRecipient() ? ", waiting for the lead's contact" : "")));
            }
        }
    }

    private void checkFunnel(LeadFacts facts, AcknowledgedLead lead, List<Discrepancy> found) {
        DownstreamLedgers.FunnelEntry funnel = facts.funnel();
        long incentives = facts.incentives().incentives().size();
        long emailsSent = incentiveMessages(facts.emails()).stream()
                .filter(message -> "sent".equals(message.status()))
                .count();
        List<String> off = new ArrayList<>();
        expect(off, "leads", funnel.counted("leads"), 1);
        expect(off, "incentives_issued", funnel.counted("incentives_issued"), incentives);
        if (!facts.emails().erased()) {
            expect(off, "emails_sent", funnel.counted("emails_sent"), emailsSent);
        }
        if (!off.isEmpty()) {
            found.add(discrepancy(Kind.FUNNEL_MISCOUNTED, lead, ANALYTICS_SERVICE, String.join("; ", off)));
        }
    }

    private static void expect(List<String> off, String stage, long counted, long expected) {
        if (counted != expected) {
            off.add(stage + " counted " + counted + ", expected " + expected);
        }
    }

    private static List<DownstreamLedgers.Message> incentiveMessages(DownstreamLedgers.EmailEntry emails) {
        return emails.messages().stream()
                .filter(message -> EmailSent.KIND_INCENTIVE.equals(message.kind()))
                .toList();
    }

    private static boolean refused(DownstreamLedgers.IncentiveEntry incentives, AcknowledgedLead lead) {
        return incentives.refusals().stream()
                .anyMatch(refusal -> lead.campaign().equals(refusal.campaign()));
    }

    private boolean stuck(List<UnsentEvent> unsent, AcknowledgedLead lead, String service, List<Discrepancy> found) {
        List<UnsentEvent> old = unsent.stream()
                .filter(event -> event.recordedAt().isBefore(stuckBefore))
                .toList();
        if (old.isEmpty()) {
            return false;
        }
        String types = old.stream().map(UnsentEvent::type).distinct().collect(Collectors.joining(", "));
        found.add(discrepancy(
                Kind.STUCK_IN_OUTBOX,
                lead,
                service,
                old.size() + " event(s) not on Kafka since " + old.get(0).recordedAt() + ": " + types));
        return true;
    }

    private static List<UnsentEvent> unsent(List<DownstreamLedgers.EventWaiting> waiting, AcknowledgedLead lead) {
        return waiting.stream()
                .map(event -> new UnsentEvent(lead.id().toString(), event.type(), event.recordedAt()))
                .toList();
    }

    private static Discrepancy discrepancy(Kind kind, AcknowledgedLead lead, String service, String detail) {
        return new Discrepancy(kind, lead.id(), lead.campaign(), service, detail);
    }
}
