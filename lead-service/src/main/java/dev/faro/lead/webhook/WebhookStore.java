package dev.faro.lead.webhook;

import static dev.faro.support.persistence.SqlTimestamps.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhooks and their subscriptions in the database. */
@ApplicationScoped
class WebhookStore {

    private final EntityManager entityManager;

    WebhookStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(TxType.MANDATORY)
    WebhookView insert(String campaign, String url, List<WebhookEvent> events, String secret) {
        UUID id = UUID.randomUUID();
        Instant createdAt = instant(entityManager
                .createNativeQuery(
                        """
                        insert into webhook (id, campaign_id, url, secret) values (:id, :campaign, :url, :secret)
                        returning created_at
                        """)
                .setParameter("id", id)
                .setParameter("campaign", campaign)
                .setParameter("url", url)
                .setParameter("secret", secret)
                .getSingleResult());
        for (WebhookEvent event : events) {
            entityManager
                    .createNativeQuery("insert into webhook_event (webhook_id, event_type) values (:id, :event)")
                    .setParameter("id", id)
                    .setParameter("event", event.wireName())
                    .executeUpdate();
        }
        return new WebhookView(
                id, campaign, url, events.stream().map(WebhookEvent::wireName).toList(), createdAt);
    }

    /** The campaign's webhooks, oldest first. */
    @Transactional(TxType.MANDATORY)
    List<WebhookView> list(String campaign) {
        return load("w.campaign_id = :campaign", Map.of("campaign", campaign));
    }

    @Transactional(TxType.MANDATORY)
    Optional<WebhookView> find(String campaign, UUID id) {
        return load("w.campaign_id = :campaign and w.id = :id", Map.of("campaign", campaign, "id", id)).stream()
                .findFirst();
    }

    /** Deletes the webhook with its deliveries and their log; false when the campaign has no such webhook. */
    @Transactional(TxType.MANDATORY)
    boolean delete(String campaign, UUID id) {
        return entityManager
                        .createNativeQuery("delete from webhook where campaign_id = :campaign and id = :id")
                        .setParameter("campaign", campaign)
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    private List<WebhookView> load(String where, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(
                """
                select w.id, w.campaign_id, w.url, w.created_at, e.event_type
                from webhook w join webhook_event e on e.webhook_id = w.id
                where %s
                order by w.created_at, w.id, e.event_type
                """
                        .formatted(where));
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, List<String>> events = new LinkedHashMap<>();
        Map<UUID, Object[]> webhooks = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            webhooks.putIfAbsent(id, row);
            events.computeIfAbsent(id, k -> new ArrayList<>()).add((String) row[4]);
        }
        return webhooks.values().stream()
                .map(row -> new WebhookView(
                        (UUID) row[0],
                        (String) row[1],
                        (String) row[2],
                        List.copyOf(events.get((UUID) row[0])),
                        instant(row[3])))
                .toList();
    }
}
