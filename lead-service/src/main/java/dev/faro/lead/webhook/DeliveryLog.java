package dev.faro.lead.webhook;

import static dev.faro.support.persistence.SqlTimestamps.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a webhook's deliveries and their attempts, for the people who wonder whether their CRM got a lead. */
@ApplicationScoped
class DeliveryLog {

    private final EntityManager entityManager;

    DeliveryLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The webhook's latest {@code limit} deliveries, newest first, each with all its attempts. */
    @Transactional(TxType.MANDATORY)
    List<DeliveryView> latest(UUID webhookId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> deliveries = entityManager
                .createNativeQuery(
                        """
                        select id, event_type, lead_id, status, attempts, occurred_at, next_attempt_at, completed_at
                        from webhook_delivery where webhook_id = :webhook
                        order by created_at desc, id desc
                        limit :limit
                        """)
                .setParameter("webhook", webhookId)
                .setParameter("limit", limit)
                .getResultList();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DeliveryView.Attempt>> attempts =
                attempts(deliveries.stream().map(row -> (UUID) row[0]).toList());
        List<DeliveryView> views = new ArrayList<>();
        for (Object[] row : deliveries) {
            String status = (String) row[3];
            boolean open = status.equals("pending") || status.equals("delivering");
            views.add(new DeliveryView(
                    (UUID) row[0],
                    (String) row[1],
                    (UUID) row[2],
                    status,
                    ((Number) row[4]).intValue(),
                    instant(row[5]),
                    open ? instant(row[6]) : null,
                    instant(row[7]),
                    attempts.getOrDefault((UUID) row[0], List.of())));
        }
        return views;
    }

    private Map<UUID, List<DeliveryView.Attempt>> attempts(List<UUID> deliveryIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select delivery_id, attempt, attempted_at, status_code, error, duration_ms
                        from webhook_attempt where delivery_id in (:ids)
                        order by delivery_id, attempt
                        """)
                .setParameter("ids", deliveryIds)
                .getResultList();
        Map<UUID, List<DeliveryView.Attempt>> byDelivery = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byDelivery
                    .computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                    .add(new DeliveryView.Attempt(
                            ((Number) row[1]).intValue(),
                            instant(row[2]),
                            row[3] == null ? null : ((Number) row[3]).intValue(),
                            (String) row[4],
                            ((Number) row[5]).longValue()));
        }
        return byDelivery;
    }
}
