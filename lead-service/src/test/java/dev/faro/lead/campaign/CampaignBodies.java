package dev.faro.lead.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for the admin API: a complete, valid campaign that a test changes where it needs to. */
final class CampaignBodies {

    private CampaignBodies() {}

    static String uniqueId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 18);
    }

    static Map<String, Object> valid(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Black Friday 2026");
        body.put("locale", "en");
        body.put("timeZone", "America/Mexico_City");
        body.put(
                "landingPages",
                List.of(
                        Map.of("id", "offer", "variants", List.of("a", "b")),
                        Map.of("id", "thanks", "variants", List.of())));
        body.put("allowedOrigins", List.of("https://www.example.org", "https://shop.example.org:8443"));
        body.put("goal", Map.of("targetLeads", 250, "leadType", "newsletter", "deadline", "2026-12-31T23:00:00Z"));
        body.put(
                "spend",
                List.of(
                        Map.of("source", "newsletter", "amount", 120.5, "currency", "EUR"),
                        Map.of("source", "instagram", "amount", 0, "currency", "MXN")));
        body.put("doubleOptIn", true);
        body.put(
                "customFields",
                List.of(
                        Map.of("name", "company-size", "type", "number", "required", false),
                        Map.of("name", "phone", "type", "phone", "required", true)));
        body.put("offerRef", "ebook-10");
        return body;
    }

    /** The body of an update: the same campaign without its id, at {@code revision}. */
    static Map<String, Object> update(String id, long revision) {
        Map<String, Object> body = valid(id);
        body.remove("id");
        body.put("revision", revision);
        return body;
    }
}
