package dev.faro.email.timing;

import dev.faro.contract.events.CampaignChanged;
import dev.faro.support.campaign.CampaignViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The time zone a lead lives in: the one their form reported, else their campaign's, else the configured default.
 */
@ApplicationScoped
public class LeadTimeZones {

    /** The longest id {@code contact.time_zone} holds. */
    static final int MAX_ID_LENGTH = 64;

    private final EntityManager entityManager;
    private final CampaignViews campaigns;
    private final TimingConfig config;

    public LeadTimeZones(EntityManager entityManager, CampaignViews campaigns, TimingConfig config) {
        this.entityManager = entityManager;
        this.campaigns = campaigns;
        this.config = config;
    }

    /**
     * The zone a form reported, as stored in {@code contact.time_zone}; null when it sent none or one Java does not
     * know (a browser may report anything), so the campaign's zone applies instead.
     */
    public static String storedId(String reported) {
        return parse(reported).map(ZoneId::getId).orElse(null);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public ZoneId of(UUID leadId, String campaign) {
        @SuppressWarnings("unchecked")
        List<String> stored = entityManager
                .createNativeQuery("select time_zone from contact where lead_id = :leadId and time_zone is not null")
                .setParameter("leadId", leadId)
                .getResultList();
        return stored.stream()
                .findFirst()
                .flatMap(LeadTimeZones::parse)
                .or(() ->
                        campaigns.find(campaign).map(CampaignChanged::timeZone).flatMap(LeadTimeZones::parse))
                .orElse(config.defaultTimeZone());
    }

    private static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
