package dev.faro.contract.events;

import java.time.Instant;
import java.util.UUID;

/** An unredeemed incentive will expire soon: the email-service may remind the lead. */
public record IncentiveExpiring(UUID incentiveId, UUID leadId, String campaign, Instant expiresAt) {}
