package dev.faro.contract.events;

import java.math.BigDecimal;
import java.util.UUID;

/** A shop reported an order that used the incentive's code. */
public record IncentiveRedeemed(
        UUID incentiveId, UUID leadId, String campaign, String orderId, BigDecimal orderValue, String currency) {}
