package dev.faro.email.unsubscribe;

import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.contact.Language;
import dev.faro.email.sending.MessageComposer;
import dev.faro.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A lead's opt-out: the address suppressed, its pending marketing cancelled and Unsubscribed published, at once. */
@ApplicationScoped
public class Unsubscriptions {

    private final EntityManager entityManager;
    private final SuppressionList suppressions;
    private final Outbox outbox;
    private final List<String> unsubscribableKinds;

    public Unsubscriptions(
            EntityManager entityManager,
            SuppressionList suppressions,
            Outbox outbox,
            Instance<MessageComposer<?>> composers) {
        this.entityManager = entityManager;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.unsubscribableKinds = composers.stream()
                .filter(composer -> composer.category().carriesUnsubscribe())
                .map(MessageComposer::kind)
                .toList();
    }

    /** The contact of a lead, if this service (still) knows it. */
    @Transactional
    public Optional<UnsubscribingContact> contact(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select email, campaign, locale from contact where lead_id = :leadId")
                .setParameter("leadId", leadId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new UnsubscribingContact(
                        leadId, (String) row[0], (String) row[1], Language.of((String) row[2])));
    }

    /**
     * Opts the lead out of its campaign ({@link Unsubscribed#SCOPE_CAMPAIGN}) or of all marketing
     * ({@link Unsubscribed#SCOPE_ALL}). Idempotent: only an opt-out that suppresses something new publishes
     * Unsubscribed. Empty when the lead is unknown (erased, say).
     */
    @Transactional
    public Optional<UnsubscribingContact> unsubscribe(UUID leadId, String scope) {
        Optional<UnsubscribingContact> found = contact(leadId);
        found.ifPresent(contact -> {
            String suppressed = Unsubscribed.SCOPE_ALL.equals(scope) ? Unsubscribed.SCOPE_ALL : contact.campaign();
            if (suppressions.add(contact.email(), suppressed, SuppressionReason.UNSUBSCRIBED)) {
                cancelPendingMail(contact, scope);
                outbox.append(leadId.toString(), new Unsubscribed(leadId, contact.campaign(), scope));
            }
        });
        return found;
    }

    /**
     * The sender would refuse these anyway; cancelling them now keeps a message due in days (a nurture step) from
     * counting as pending until then. One already claimed may be at the SMTP server: the ledger must say so.
     */
    private void cancelPendingMail(UnsubscribingContact contact, String scope) {
        if (unsubscribableKinds.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery(
                        """
                        update send_ledger set status = 'cancelled', last_error = 'unsubscribed'
                        where lead_id = :leadId and status = 'pending'
                          and message_kind in (:kinds) and (:all or campaign = :campaign)
                        """)
                .setParameter("leadId", contact.leadId())
                .setParameter("kinds", unsubscribableKinds)
                .setParameter("all", Unsubscribed.SCOPE_ALL.equals(scope))
                .setParameter("campaign", contact.campaign())
                .executeUpdate();
    }
}
