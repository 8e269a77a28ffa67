package dev.faro.lead.campaign;

import java.time.Instant;

/** A stored campaign: its definition, and what Faro keeps about it. */
record Campaign(
        String id,
        long revision,
        boolean archived,
        CampaignDefinition definition,
        Instant createdAt,
        Instant updatedAt) {}
