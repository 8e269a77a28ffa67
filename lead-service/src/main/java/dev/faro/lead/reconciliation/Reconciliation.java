package dev.faro.lead.reconciliation;

import dev.faro.contract.TopicSpec;
import dev.faro.contract.Topics;
import dev.faro.lead.reconciliation.DownstreamLedgers.EmailEntry;
import dev.faro.lead.reconciliation.DownstreamLedgers.FunnelEntry;
import dev.faro.lead.reconciliation.DownstreamLedgers.IncentiveEntry;
import dev.faro.support.outbox.UnsentEvent;
import dev.faro.support.outbox.UnsentEvents;
import dev.faro.support.reconciliation.LeadLedgerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Follows every lead acknowledged in a window through the services, a page of leads at a time: lead-service's own
 * rows and outbox, then what incentive-, email- and analytics-service hold on the page ({@link LedgerClient}), checked
 * lead by lead ({@link LeadChecks}); then the dead-letter topic. Leads younger than the grace period are still on
 * their way and only counted.
 */
@ApplicationScoped
class Reconciliation {

    /** The discrepancies a report lists; the count covers all of them. */
    static final int LISTED = 1000;

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    /** The topics keyed by lead id: a dead letter from one of them names its lead. */
    private static final List<String> LEAD_KEYED_SOURCES = Stream.of(
                    Topics.LEADS, Topics.LEAD_KEYS, Topics.INCENTIVES, Topics.EMAILS)
            .map(TopicSpec::name)
            .toList();

    private final AcknowledgedLeads leads;
    private final UnsentEvents unsentEvents;
    private final LedgerClient ledgers;
    private final DeadLetters deadLetters;
    private final Clock clock;

    Reconciliation(AcknowledgedLeads leads, UnsentEvents unsentEvents, LedgerClient ledgers, DeadLetters deadLetters) {
        this.leads = leads;
        this.unsentEvents = unsentEvents;
        this.ledgers = ledgers;
        this.deadLetters = deadLetters;
        this.clock = Clock.systemUTC();
    }

    ReconciliationReport run(Instant from, Instant to, Duration grace, String authorization) {
        Instant checkedAt = clock.instant();
        Instant settledBefore = checkedAt.minus(grace);
        ReconciliationTotals.Counter totals = new ReconciliationTotals.Counter();
        Findings findings = new Findings();
        LeadChecks checks = new LeadChecks(settledBefore, totals);
        List<ReconciliationReport.Unavailable> unavailable = new ArrayList<>();
        AcknowledgedLead last = null;
        while (true) {
            List<AcknowledgedLead> page = leads.page(from, to, last, LeadLedgerRequest.MAX_LEADS);
            if (page.isEmpty()) {
                break;
            }
            last = page.get(page.size() - 1);
            totals.leads += page.size();
            List<AcknowledgedLead> settled = page.stream()
                    .filter(lead -> lead.capturedAt().isBefore(settledBefore))
                    .toList();
            totals.inFlight += page.size() - settled.size();
            if (settled.isEmpty()) {
                continue;
            }
            try {
                check(settled, authorization, checks, findings);
            } catch (LedgerClient.ServiceUnavailableException e) {
                unavailable.add(new ReconciliationReport.Unavailable(e.service(), e.getMessage()));
                break;
            }
        }
        try {
            for (DeadLetters.Parked parked : deadLetters.since(from)) {
                totals.deadLettered++;
                findings.add(deadLettered(parked));
            }
        } catch (KafkaException e) {
            LOG.warnf("Reconciliation could not read the dead-letter topic: %s", e.getMessage());
            unavailable.add(new ReconciliationReport.Unavailable(
                    "kafka", "could not read the dead-letter topic: " + e.getMessage()));
        }
        boolean complete = unavailable.isEmpty();
        return new ReconciliationReport(
                from,
                to,
                checkedAt,
                complete && findings.count == 0,
                complete,
                totals.totals(),
                findings.count,
                findings.listed,
                unavailable);
    }

    private void check(List<AcknowledgedLead> settled, String authorization, LeadChecks checks, Findings findings) {
        List<UUID> ids = settled.stream().map(AcknowledgedLead::id).toList();
        Map<String, List<UnsentEvent>> unsentHere =
                unsentEvents.of(ids.stream().map(UUID::toString).toList());
        DownstreamLedgers.Page page = ledgers.ask(ids, authorization);
        for (AcknowledgedLead lead : settled) {
            LeadFacts facts = new LeadFacts(
                    lead,
                    unsentHere.getOrDefault(lead.id().toString(), List.of()),
                    orNothing(page.incentives().get(lead.id()), lead.id()),
                    orNothing(page.emails().get(lead.id()), lead.id()),
                    orNothing(page.funnel().get(lead.id()), lead.id()));
            checks.check(facts).forEach(findings::add);
        }
    }

    private static Discrepancy deadLettered(DeadLetters.Parked parked) {
        UUID lead = null;
        String origin = parked.origin() == null ? "" : parked.origin();
        if (LEAD_KEYED_SOURCES.stream().anyMatch(topic -> origin.startsWith(topic + "/"))) {
            try {
                lead = UUID.fromString(parked.key());
            } catch (IllegalArgumentException | NullPointerException notALead) {
                // reported without a lead
            }
        }
        return new Discrepancy(
                Discrepancy.Kind.DEAD_LETTERED,
                lead,
                null,
                parked.consumer(),
                "from " + origin + " at " + parked.parkedAt() + ": " + parked.reason());
    }

    private static IncentiveEntry orNothing(IncentiveEntry entry, UUID lead) {
        return entry != null ? entry : new IncentiveEntry(lead, false, List.of(), List.of(), List.of());
    }

    private static EmailEntry orNothing(EmailEntry entry, UUID lead) {
        return entry != null ? entry : new EmailEntry(lead, false, List.of(), List.of(), List.of());
    }

    private static FunnelEntry orNothing(FunnelEntry entry, UUID lead) {
        return entry != null ? entry : new FunnelEntry(lead, false, Map.of());
    }

    /** Every discrepancy counted, the first {@link #LISTED} kept. */
    private static final class Findings {
        private final List<Discrepancy> listed = new ArrayList<>();
        private long count;

        void add(Discrepancy discrepancy) {
            count++;
            if (listed.size() < LISTED) {
                listed.add(discrepancy);
            }
        }
    }
}
