package dev.faro.contract.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** analytics-service composed a marketer digest; email-service sends it to each recipient. */
public record DigestReady(
        UUID digestId,
        String campaign,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<Recipient> recipients,
        String subject,
        String html,
        String text,
        String chartPngBase64) {

    public record Recipient(String email, String locale, String timeZone) {}
}
