package dev.faro.incentive.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.NativeQuery;

/** The offer table. Its constraints guard every rule an offer must keep; this class only reads and writes rows. */
@ApplicationScoped
public class OfferStore {

    private static final String COLUMNS =
            """
            id, campaign_id, variant, kind, discount_percent, discount_amount, currency, content_title, content_ref,
            trial_days, gift, valid_until, valid_days, budget, issued, fallback_offer_id, code_prefix, code_pool_id
            """;

    private final EntityManager entityManager;

    public OfferStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Offer> find(String id) {
        return first(entityManager
                .createNativeQuery("select " + COLUMNS + " from offer where id = :id")
                .setParameter("id", id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Offer> ofCampaign(String campaignId) {
        return rows(entityManager
                .createNativeQuery(
                        "select " + COLUMNS + " from offer where campaign_id = :campaign order by created_at, id")
                .setParameter("campaign", campaignId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Offer> all() {
        return rows(entityManager.createNativeQuery(
                "select " + COLUMNS + " from offer order by campaign_id, created_at, id"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Offer> forVariant(String campaignId, String variant) {
        return first(entityManager
                .createNativeQuery(
                        "select " + COLUMNS + " from offer where campaign_id = :campaign and variant = :variant")
                .setParameter("campaign", campaignId)
                .setParameter("variant", variant));
    }

    /** The campaign-wide offer named {@code offerRef} if it is one of the campaign's, else the oldest that is nobody's fallback. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Offer> campaignWide(String campaignId, String offerRef) {
        return first(entityManager
                .createNativeQuery(
                        "select " + COLUMNS
                                + """
                        from offer o
                        where o.campaign_id = :campaign and o.variant is null
                          and (o.id = :ref
                               or not exists (select 1 from offer f where f.campaign_id = :campaign and f.fallback_offer_id = o.id))
                        order by (o.id = :ref) desc, o.created_at, o.id
                        limit 1
                        """)
                .setParameter("campaign", campaignId)
                .setParameter("ref", offerRef == null ? "" : offerRef));
    }

    /**
     * Takes one unit of the offer's budget; false when it is spent. The conditional update locks the row, and a
     * concurrent taker re-reads {@code issued} after this one commits, so the budget is never exceeded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takeFromBudget(String id) {
        return entityManager
                        .createNativeQuery(
                                "update offer set issued = issued + 1 where id = :id and (budget is null or issued < budget)")
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    /** Returns a unit taken in this transaction that was not used after all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveBackToBudget(String id) {
        entityManager
                .createNativeQuery("update offer set issued = issued - 1 where id = :id and issued > 0")
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Inserts the offer; false when one with its id exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(Offer offer) {
        return bind(
                                entityManager.createNativeQuery(
                                        """
                                        insert into offer (id, campaign_id, variant, kind, discount_percent, discount_amount,
                                                           currency, content_title, content_ref, trial_days, gift,
                                                           valid_until, valid_days, budget, fallback_offer_id,
                                                           code_prefix, code_pool_id)
                                        values (:id, :campaign, :variant, :kind, :percent, :amount, :currency, :title,
                                                :ref, :trialDays, :gift, :validUntil, :validDays, :budget, :fallback,
                                                :prefix, :pool)
                                        on conflict (id) do nothing
                                        """),
                                offer)
                        .executeUpdate()
                == 1;
    }

    /** Replaces everything but the campaign and the count of incentives issued; false when there is no such offer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean update(Offer offer) {
        return bind(
                                entityManager.createNativeQuery(
                                        """
                                        update offer set variant = :variant, kind = :kind, discount_percent = :percent,
                                               discount_amount = :amount, currency = :currency, content_title = :title,
                                               content_ref = :ref, trial_days = :trialDays, gift = :gift,
                                               valid_until = :validUntil, valid_days = :validDays, budget = :budget,
                                               fallback_offer_id = :fallback, code_prefix = :prefix, code_pool_id = :pool,
                                               updated_at = now()
                                        where id = :id and campaign_id = :campaign
                                        """),
                                offer)
                        .executeUpdate()
                == 1;
    }

    /** Typed binding, so that a null goes to PostgreSQL with its column's type. */
    private static Query bind(Query untyped, Offer offer) {
        Offer.Content content = offer.content();
        NativeQuery<?> query = untyped.unwrap(NativeQuery.class);
        return query.setParameter("id", offer.id())
                .setParameter("campaign", offer.campaign())
                .setParameter("variant", offer.variant())
                .setParameter("kind", offer.kind().wireName())
                .setParameter("percent", offer.discountPercent(), Integer.class)
                .setParameter("amount", offer.discountAmount(), BigDecimal.class)
                .setParameter("currency", offer.currency(), String.class)
                .setParameter("title", content == null ? null : content.title(), String.class)
                .setParameter("ref", content == null ? null : content.ref(), String.class)
                .setParameter("trialDays", offer.trialDays(), Integer.class)
                .setParameter("gift", offer.gift(), String.class)
                .setParameter("validUntil", offer.validUntil(), Instant.class)
                .setParameter("validDays", offer.validDays(), Integer.class)
                .setParameter("budget", offer.budget(), Integer.class)
                .setParameter("fallback", offer.fallbackOfferId(), String.class)
                .setParameter("prefix", offer.codePrefix(), String.class)
                .setParameter("pool", offer.codePoolId(), String.class);
    }

    private static Optional<Offer> first(Query query) {
        return rows(query).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Offer> rows(Query query) {
        return ((List<Object[]>) query.getResultList())
                .stream().map(OfferStore::offer).toList();
    }

    private static Offer offer(Object[] row) {
        String title = (String) row[7];
        return new Offer(
                (String) row[0],
                (String) row[1],
                (String) row[2],
                OfferKind.fromWireName((String) row[3]).orElseThrow(),
                integer(row[4]),
                (BigDecimal) row[5],
                (String) row[6],
                title == null ? null : new Offer.Content(title, (String) row[8]),
                integer(row[9]),
                (String) row[10],
                instant(row[11]),
                integer(row[12]),
                integer(row[13]),
                integer(row[14]),
                (String) row[15],
                (String) row[16],
                (String) row[17]);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
