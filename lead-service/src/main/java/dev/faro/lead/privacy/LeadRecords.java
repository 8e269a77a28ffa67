package dev.faro.lead.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What lead-service itself holds on a lead, rendered by PostgreSQL as JSON: every column of the lead row and of its
 * consent records, as stored, so a column added later is exported without anyone remembering to. Webhook
 * deliveries name their recipient by host only: a webhook's full URL may carry the receiver's own credentials.
 */
@ApplicationScoped
public class LeadRecords {

    /** The lead row, its consent records (oldest first) and the deliveries of its data to webhooks. */
    public record Held(JsonNode lead, JsonNode consent, JsonNode webhookDeliveries) {}

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public LeadRecords(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional
    public Optional<Held> of(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select cast(to_jsonb(l) as text),
                               (select cast(coalesce(jsonb_agg(to_jsonb(c) - 'lead_id' order by c.given_at, c.id),
                                                     '[]') as text)
                                from consent_record c where c.lead_id = l.id),
                               (select cast(coalesce(jsonb_agg(jsonb_build_object(
                                                'recipient', substring(w.url from '^[a-z]+://([^/?#:]+)'),
                                                'event_type', d.event_type,
                                                'occurred_at', d.occurred_at,
                                                'status', d.status,
                                                'attempts', d.attempts,
                                                'completed_at', d.completed_at) order by d.created_at, d.id),
                                             '[]') as text)
                                from webhook_delivery d join webhook w on w.id = d.webhook_id
                                where d.lead_id = l.id)
                        from lead l
                        where l.id = :id
                        """)
                .setParameter("id", leadId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Held(parse(row[0]), parse(row[1]), parse(row[2])));
    }

    private JsonNode parse(Object text) {
        try {
            return json.readTree((String) text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL wrote JSON Jackson cannot read", e);
        }
    }
}
