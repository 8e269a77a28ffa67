package dev.faro.bench.ingestion;

import dev.faro.contract.EventType;

/**
 * The pgbench script for the transaction lead-service's capture commits for a new lead: one lead row (the
 * columns the capture writes, as the load generator's body fills them) and one LeadCaptured outbox row whose
 * payload has the size the service's own rows have. Written for {@code -M prepared}: no {@code ::} casts and no
 * {@code :} followed by a name character outside the variables.
 */
final class CaptureTransactionScript {

    private CaptureTransactionScript() {}

    static String render(int payloadBytes) {
        return "BEGIN;\n"
                + "INSERT INTO lead (id, campaign_id, email, name, phone, company, locale, time_zone,"
                + " marketing_consent, consent_given_at, landing_page, variant, visitor_id, referrer, utm_source,"
                + " utm_medium, utm_campaign, utm_term, utm_content, custom_fields, status, confirmed_at)"
                + " VALUES (gen_random_uuid(), 'demo', 'bench-' || gen_random_uuid() || '@example.org',"
                + " 'Lucía Bench', NULL, NULL, 'es', 'Europe/Madrid', true, now(), NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL, NULL, NULL, CAST('{}' AS jsonb), 'confirmed', now()) RETURNING id AS lead_id \\gset\n"
                + "INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload)"
                + " VALUES (gen_random_uuid(), '"
                + EventType.LEAD_CAPTURED.topic().name() + "', :lead_id, '"
                + EventType.LEAD_CAPTURED.cloudEventType() + "', '" + payload(payloadBytes) + "');\n"
                + "END;\n";
    }

    /** A JSON document of about {@code bytes} characters, shaped like an event (spaces after colons, see above). */
    static String payload(int bytes) {
        String head = "{\"type\": \"LeadCaptured\", \"campaign\": \"demo\", \"locale\": \"es\", \"sealed\": \"";
        String tail = "\"}";
        StringBuilder sealed = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int length = Math.max(0, bytes - head.length() - tail.length());
        for (int i = 0; i < length; i++) {
            sealed.append(alphabet.charAt((i * 31 + 7) % alphabet.length()));
        }
        return head + sealed + tail;
    }
}
