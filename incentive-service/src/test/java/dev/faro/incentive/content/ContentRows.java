package dev.faro.incentive.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Incentives to download for, and the downloads recorded. */
@ApplicationScoped
public class ContentRows {

    /** A recorded download. */
    public record Download(String contentRef, String clientIp, String userAgent) {}

    private final EntityManager entityManager;

    public ContentRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public UUID incentiveOf(UUID leadId) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        entityManager
                .createNativeQuery(
                        """
                        insert into incentive (id, lead_id, campaign_id, kind, issued_at, expires_at)
                        values (:id, :lead, 'demo', 'content', :now, :expires)
                        """)
                .setParameter("id", id)
                .setParameter("lead", leadId)
                .setParameter("now", now)
                .setParameter("expires", now.plus(30, ChronoUnit.DAYS))
                .executeUpdate();
        return id;
    }

    /**
     * Events the service wrote to its outbox about the lead or the incentive: the outbox is written in the
     * transaction of the change, so what a request published is there when its answer arrives.
     */
    @Transactional
    public long eventsNaming(UUID leadId, UUID incentiveId) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where record_key = :lead or payload like :incentive")
                        .setParameter("lead", leadId.toString())
                        .setParameter("incentive", "%" + incentiveId + "%")
                        .getSingleResult())
                .longValue();
    }

    @Transactional
    public List<Download> downloads(UUID incentiveId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select content_ref, client_ip, user_agent from content_download where incentive_id = :id order by id")
                .setParameter("id", incentiveId)
                .getResultList();
        return rows.stream()
                .map(row -> new Download((String) row[0], (String) row[1], (String) row[2]))
                .toList();
    }
}
