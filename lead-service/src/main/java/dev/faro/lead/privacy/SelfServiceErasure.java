package dev.faro.lead.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What following an erasure link does: the link names one lead, and erases every lead of that lead's address, in
 * every campaign (reason {@code self-service}). The person proved they read that address, and asked to be
 * forgotten, not to leave one campaign.
 */
@ApplicationScoped
public class SelfServiceErasure {

    /** The lead of a link, while it exists: its address and the language to speak. */
    public record LinkedLead(String email, String locale) {}

    private final EntityManager entityManager;
    private final LeadErasure erasure;

    public SelfServiceErasure(EntityManager entityManager, LeadErasure erasure) {
        this.entityManager = entityManager;
        this.erasure = erasure;
    }

    /** Empty when the lead no longer exists (erased already, by this link or another). */
    @Transactional
    public Optional<LinkedLead> lead(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select email, locale from lead where id = :id")
                .setParameter("id", leadId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new LinkedLead((String) row[0], (String) row[1]));
    }

    /** Erases every lead of the linked lead's address; empty when there was nothing left to erase. */
    @Transactional
    public Optional<LinkedLead> erase(UUID leadId) {
        Optional<LinkedLead> lead = lead(leadId);
        lead.ifPresent(linked -> erasure.eraseAddress(linked.email(), LeadErasure.Reason.SELF_SERVICE));
        return lead;
    }
}
