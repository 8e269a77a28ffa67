package dev.faro.incentive.contest;

import dev.faro.contract.events.IncentiveIssued;
import dev.faro.support.campaign.CampaignViews;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Draws a campaign's contest winners among its entries and keeps each draw for anyone to check. */
@ApplicationScoped
public class ContestDraws {

    private static final int GENERATED_SEED_BYTES = 32;

    private final EntityManager entityManager;
    private final CampaignViews campaigns;
    private final SecureRandom random = new SecureRandom();

    public ContestDraws(EntityManager entityManager, CampaignViews campaigns) {
        this.entityManager = entityManager;
        this.campaigns = campaigns;
    }

    @Transactional
    public ContestDraw draw(String campaign, DrawRequest request) {
        if (campaigns.find(campaign).isEmpty()) {
            throw ProblemException.notFound("no campaign " + campaign);
        }
        List<UUID> entries = DrawAlgorithm.sorted(entriesOf(campaign));
        if (request.winners() > entries.size()) {
            throw ProblemException.invalid(
                    "winners", "must not exceed the " + entries.size() + " entries of the campaign");
        }
        boolean seedGiven = request.seed() != null;
        String seed = seedGiven ? request.seed() : HexFormat.of().formatHex(randomBytes());
        List<UUID> winners = DrawAlgorithm.winners(entries, seed, request.winners());
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery(
                        """
                        insert into contest_draw (id, campaign_id, algorithm, seed, seed_source, entries_hash,
                                                  entry_count, drawn_at)
                        values (:id, :campaign, :algorithm, :seed, :source, :hash, :count, :at)
                        """)
                .setParameter("id", id)
                .setParameter("campaign", campaign)
                .setParameter("algorithm", DrawAlgorithm.NAME)
                .setParameter("seed", seed)
                .setParameter("source", seedGiven ? "given" : "generated")
                .setParameter("hash", DrawAlgorithm.entriesHash(entries))
                .setParameter("count", entries.size())
                .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        for (UUID entry : entries) {
            entityManager
                    .createNativeQuery("insert into contest_draw_entry (draw_id, incentive_id) values (:draw, :entry)")
                    .setParameter("draw", id)
                    .setParameter("entry", entry)
                    .executeUpdate();
        }
        for (int i = 0; i < winners.size(); i++) {
            entityManager
                    .createNativeQuery(
                            "update contest_draw_entry set winner_position = :position where draw_id = :draw and"
                                    + " incentive_id = :entry")
                    .setParameter("position", i + 1)
                    .setParameter("draw", id)
                    .setParameter("entry", winners.get(i))
                    .executeUpdate();
        }
        return find(campaign, id).orElseThrow();
    }

    @Transactional
    public Optional<ContestDraw> find(String campaign, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> draws = entityManager
                .createNativeQuery(
                        """
                        select algorithm, seed, seed_source, entries_hash, entry_count, drawn_at
                        from contest_draw where id = :id and campaign_id = :campaign
                        """)
                .setParameter("id", id)
                .setParameter("campaign", campaign)
                .getResultList();
        return draws.stream()
                .findFirst()
                .map(row -> new ContestDraw(
                        id,
                        campaign,
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        ((Number) row[4]).intValue(),
                        (Instant) row[5],
                        winnersOf(id)));
    }

    /** The entry list of a draw as it was hashed, or empty for an unknown draw. */
    @Transactional
    public Optional<List<UUID>> entriesOf(String campaign, UUID drawId) {
        if (find(campaign, drawId).isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<UUID> entries = entityManager
                .createNativeQuery("select incentive_id from contest_draw_entry where draw_id = :draw", UUID.class)
                .setParameter("draw", drawId)
                .getResultList();
        return Optional.of(DrawAlgorithm.sorted(entries));
    }

    private List<UUID> entriesOf(String campaign) {
        @SuppressWarnings("unchecked")
        List<UUID> entries = entityManager
                .createNativeQuery(
                        "select id from incentive where campaign_id = :campaign and kind = :kind and anonymised_at is"
                                + " null",
                        UUID.class)
                .setParameter("campaign", campaign)
                .setParameter("kind", IncentiveIssued.CONTEST_ENTRY)
                .getResultList();
        return entries;
    }

    private List<ContestDraw.Winner> winnersOf(UUID drawId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select e.winner_position, e.incentive_id, i.code
                        from contest_draw_entry e join incentive i on i.id = e.incentive_id
                        where e.draw_id = :draw and e.winner_position is not null
                        order by e.winner_position
                        """)
                .setParameter("draw", drawId)
                .getResultList();
        return rows.stream()
                .map(row -> new ContestDraw.Winner(((Number) row[0]).intValue(), (UUID) row[1], (String) row[2]))
                .toList();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[GENERATED_SEED_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }
}
