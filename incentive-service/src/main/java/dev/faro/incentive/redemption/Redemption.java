package dev.faro.incentive.redemption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order recorded against an incentive, as the shop sees it (nothing that names the lead). */
public record Redemption(
        UUID incentiveId,
        String campaign,
        String orderId,
        BigDecimal orderValue,
        String currency,
        Instant redeemedAt) {}
