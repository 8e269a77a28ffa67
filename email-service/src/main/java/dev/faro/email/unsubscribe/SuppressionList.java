package dev.faro.email.unsubscribe;

import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.sending.MailCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The addresses that get no more non-transactional mail, for all campaigns or for one. Checked by the sender before
 * every message; see {@link MailCategory} for which mail it applies to.
 */
@ApplicationScoped
public class SuppressionList {

    private final EntityManager entityManager;
    private final SuppressedAddresses addresses;

    public SuppressionList(EntityManager entityManager, SuppressedAddresses addresses) {
        this.entityManager = entityManager;
        this.addresses = addresses;
    }

    /**
     * Suppresses the address for {@code scope} ({@link Unsubscribed#SCOPE_ALL} or a campaign id); true when that
     * added something, false when the address was already suppressed there or everywhere.
     */
    @Transactional(TxType.REQUIRED)
    public boolean add(String email, String scope, SuppressionReason reason) {
        return entityManager
                        .createNativeQuery(
                                """
                                insert into suppression (address_hash, scope, reason)
                                select :address, :scope, :reason
                                where not exists (
                                    select 1 from suppression
                                    where address_hash = :address and scope in ('all', :scope))
                                on conflict do nothing
                                """)
                        .setParameter("address", addresses.key(email))
                        .setParameter("scope", scope)
                        .setParameter("reason", reason.code())
                        .executeUpdate()
                == 1;
    }

    /**
     * Why a message of {@code category} for a campaign may not go to the lead's address, or empty when it may.
     * Transactional mail is always allowed; marketing also needs the contact's consent.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<String> refusal(UUID leadId, String campaign, String email, MailCategory category) {
        if (category == MailCategory.TRANSACTIONAL || category == MailCategory.INTERNAL) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> reasons = entityManager
                .createNativeQuery(
                        """
                        select reason from suppression where address_hash = :address and scope in ('all', :campaign)
                        order by scope = 'all' desc limit 1
                        """)
                .setParameter("address", addresses.key(email))
                .setParameter("campaign", campaign)
                .getResultList();
        if (!reasons.isEmpty()) {
            return Optional.of("suppressed: " + reasons.get(0));
        }
        if (category == MailCategory.MARKETING && !hasMarketingConsent(leadId)) {
            return Optional.of("suppressed: no marketing consent");
        }
        return Optional.empty();
    }

    private boolean hasMarketingConsent(UUID leadId) {
        List<?> consent = entityManager
                .createNativeQuery("select marketing_consent from contact where lead_id = :leadId")
                .setParameter("leadId", leadId)
                .getResultList();
        return !consent.isEmpty() && Boolean.TRUE.equals(consent.get(0));
    }
}
