package dev.faro.incentive.redemption;

import dev.faro.contract.events.IncentiveRedeemed;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records an order against the incentive of a code, once. The incentive row is locked first, so shops racing for
 * one code queue up and every one after the winner sees its order; the unique index on the redemption table
 * guards the same rule should anything bypass this class.
 */
@ApplicationScoped
public class Redemptions {

    /** A pool code's 64 characters, with room for the spaces and dashes a shop may type in a Faro code. */
    private static final int MAX_TYPED_CODE = 128;

    /** The redemption, and whether this call recorded it (false when the same order was reported before). */
    public record Outcome(Redemption redemption, boolean recorded) {}

    private record Incentive(UUID id, UUID leadId, String campaign, boolean expired) {}

    private final EntityManager entityManager;
    private final Outbox outbox;

    public Redemptions(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    @Transactional
    public Outcome redeem(String code, RedemptionRequest order) {
        if (!couldBeACode(code)) {
            throw RedemptionProblems.unknown();
        }
        Incentive incentive = lock(code).orElseThrow(() -> notFound(code));
        Optional<Redemption> earlier = redemptionOf(incentive);
        if (earlier.isPresent()) {
            if (earlier.get().orderId().equals(order.orderId())) {
                return new Outcome(earlier.get(), false);
            }
            throw RedemptionProblems.alreadyRedeemed();
        }
        if (incentive.expired()) {
            throw RedemptionProblems.expired();
        }
        Redemption redemption = new Redemption(
                incentive.id(),
                incentive.campaign(),
                order.orderId(),
                // Validation allows at most two decimals, so this only makes a first answer look like a repeated one.
                order.orderValue().setScale(2),
                order.currency(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        entityManager
                .createNativeQuery(
                        """
                        insert into redemption (incentive_id, order_id, order_value, currency, redeemed_at)
                        values (:incentive, :order, :value, :currency, :at)
                        """)
                .setParameter("incentive", redemption.incentiveId())
                .setParameter("order", redemption.orderId())
                .setParameter("value", redemption.orderValue())
                .setParameter("currency", redemption.currency())
                .setParameter("at", redemption.redeemedAt())
                .executeUpdate();
        outbox.append(
                incentive.leadId().toString(),
                new IncentiveRedeemed(
                        incentive.id(),
                        incentive.leadId(),
                        incentive.campaign(),
                        redemption.orderId(),
                        redemption.orderValue(),
                        redemption.currency()));
        return new Outcome(redemption, true);
    }

    /** The incentive of the code, locked; an anonymised one has no code left, so it is never found. */
    private Optional<Incentive> lock(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select id, lead_id, campaign_id, expires_at <= now()
                        from incentive
                        where code in (:codes) and anonymised_at is null
                        for update
                        """)
                .setParameter("codes", spellings(code))
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new Incentive((UUID) row[0], (UUID) row[1], (String) row[2], (Boolean) row[3]));
    }

    /**
     * Whether some incentive could have this code: pool codes are 1 to 64 visible ASCII characters, Faro's codes the
     * same typed with spaces. Anything else names no incentive and is never looked up (PostgreSQL refuses a NUL in a
     * query, which would turn a hostile path into a 500).
     */
    private static boolean couldBeACode(String code) {
        return code.length() <= MAX_TYPED_CODE && code.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    /** A pool code is stored as the shop gave it; a generated one as Faro printed it, however it is typed now. */
    private static Set<String> spellings(String code) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(code.strip());
        if (DiscountCodes.hasGeneratedShape(code)) {
            spellings.add(DiscountCodes.formatted(code));
        }
        return spellings;
    }

    /**
     * Only after the lookup failed: a pool code may look like a generated one by chance, and must still be found. A
     * code of generated shape whose check character fails was mistyped, which is more useful to hear than "unknown".
     */
    private static RuntimeException notFound(String code) {
        if (DiscountCodes.hasGeneratedShape(code) && !DiscountCodes.isWellFormed(code)) {
            return RedemptionProblems.mistyped();
        }
        return RedemptionProblems.unknown();
    }

    private Optional<Redemption> redemptionOf(Incentive incentive) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select order_id, order_value, currency, redeemed_at from redemption where incentive_id = :id")
                .setParameter("id", incentive.id())
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new Redemption(
                        incentive.id(),
                        incentive.campaign(),
                        (String) row[0],
                        (BigDecimal) row[1],
                        ((String) row[2]),
                        (Instant) row[3]));
    }
}
