package dev.faro.email.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What email-service holds on one lead: the contact it writes to, the lead's events still waiting (sealed) for its
 * data key, and every message in the send ledger. A message's template values are left out: they repeat what
 * incentive-service reports (the code) or are one-time links.
 */
@ApplicationScoped
public class LeadMessages {

    /** After erasure: no contact, and only the record that messages were sent, without their contents. */
    @Schema(name = "LeadEmailRecords")
    public record Held(
            UUID leadId,
            boolean erased,
            Contact contact,
            @Schema(
                            description = "Events of the lead that arrived before its data key and wait for it, their"
                                    + " personal data and links still sealed")
                    List<AwaitingKey> awaitingKey,
            List<Message> messages) {}

    @Schema(name = "LeadEventAwaitingKey")
    public record AwaitingKey(String type, Instant receivedAt) {}

    @Schema(name = "LeadContact")
    public record Contact(
            String email, String name, String locale, String campaign, boolean marketingConsent, Instant updatedAt) {}

    @Schema(name = "LeadMessage")
    public record Message(
            String kind,
            int step,
            String campaign,
            @Schema(enumeration = {"pending", "attempting", "sent", "failed", "suppressed", "cancelled"}) String status,
            String messageId,
            int attempts,
            Instant createdAt,
            Instant sentAt,
            @Schema(description = "When its open pixel was first fetched (engagement tracking only)") Instant openedAt,
            @Schema(description = "How many of its tracked links were followed") int linksClicked) {}

    private final EntityManager entityManager;
    private final ErasedLeads erased;

    public LeadMessages(EntityManager entityManager, ErasedLeads erased) {
        this.entityManager = entityManager;
        this.erased = erased;
    }

    @Transactional
    public Held of(UUID leadId) {
        return new Held(
                leadId, erased.isErased(leadId), contact(leadId).orElse(null), awaitingKey(leadId), messages(leadId));
    }

    private List<AwaitingKey> awaitingKey(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select event_type, received_at from lead_event_awaiting_key
                        where lead_id = :lead order by position
                        """)
                .setParameter("lead", leadId)
                .getResultList();
        return rows.stream()
                .map(row -> new AwaitingKey((String) row[0], instant(row[1])))
                .toList();
    }

    private Optional<Contact> contact(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select email, name, locale, campaign, marketing_consent, updated_at
                        from contact where lead_id = :lead
                        """)
                .setParameter("lead", leadId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new Contact(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        (Boolean) row[4],
                        instant(row[5])));
    }

    private List<Message> messages(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select l.message_kind, l.step, l.campaign, l.status, l.message_id, l.attempts, l.created_at,
                               l.sent_at, o.opened_at,
                               (select count(*) from email_click c where c.message_id = l.message_id)
                        from send_ledger l
                        left join email_open o on o.message_id = l.message_id
                        where l.lead_id = :lead
                        order by l.created_at, l.id
                        """)
                .setParameter("lead", leadId)
                .getResultList();
        return rows.stream()
                .map(row -> new Message(
                        (String) row[0],
                        ((Number) row[1]).intValue(),
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        ((Number) row[5]).intValue(),
                        instant(row[6]),
                        instant(row[7]),
                        instant(row[8]),
                        ((Number) row[9]).intValue()))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
