package dev.faro.lead.reconciliation;

import dev.faro.support.outbox.UnsentEvent;
import java.util.List;

/** Everything the services hold on one acknowledged lead, gathered for its checks. */
record LeadFacts(
        AcknowledgedLead lead,
        List<UnsentEvent> unsentHere,
        DownstreamLedgers.IncentiveEntry incentives,
        DownstreamLedgers.EmailEntry emails,
        DownstreamLedgers.FunnelEntry funnel) {}
