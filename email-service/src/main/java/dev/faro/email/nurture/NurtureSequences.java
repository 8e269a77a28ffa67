package dev.faro.email.nurture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;

/** The nurture sequence of every campaign that has one, as the marketers last saved it. */
@ApplicationScoped
public class NurtureSequences {

    private final EntityManager entityManager;

    public NurtureSequences(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The campaign's steps in order; empty when it has no sequence. */
    @Transactional(TxType.SUPPORTS)
    public List<NurtureStep> of(String campaign) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select delay, template, condition from nurture_step
                        where campaign = :campaign order by position
                        """)
                .setParameter("campaign", campaign)
                .getResultList();
        return rows.stream().map(NurtureSequences::step).toList();
    }

    /** Step {@code position} (from 1) of the campaign's sequence as it stands now, if there is one. */
    @Transactional(TxType.MANDATORY)
    public Optional<NurtureStep> step(String campaign, int position) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select delay, template, condition from nurture_step
                        where campaign = :campaign and position = :position
                        """)
                .setParameter("campaign", campaign)
                .setParameter("position", position)
                .getResultList();
        return rows.stream().findFirst().map(NurtureSequences::step);
    }

    /** Replaces the campaign's whole sequence; no steps removes it. */
    @Transactional
    public void replace(String campaign, List<NurtureStep> steps) {
        // Two saves of one campaign at once would both delete, then collide inserting: take turns.
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('nurture:' || :campaign))")
                .setParameter("campaign", campaign)
                .getSingleResult();
        entityManager
                .createNativeQuery("delete from nurture_step where campaign = :campaign")
                .setParameter("campaign", campaign)
                .executeUpdate();
        for (int i = 0; i < steps.size(); i++) {
            NurtureStep step = steps.get(i);
            entityManager
                    .createNativeQuery(
                            """
                            insert into nurture_step (campaign, position, delay, template, condition)
                            values (:campaign, :position, :delay, :template, :condition)
                            """)
                    .setParameter("campaign", campaign)
                    .setParameter("position", i + 1)
                    .setParameter("delay", step.delay())
                    .setParameter("template", step.template())
                    .setParameter("condition", step.condition().code())
                    .executeUpdate();
        }
    }

    private static NurtureStep step(Object[] row) {
        return new NurtureStep(
                (String) row[0],
                (String) row[1],
                NurtureCondition.of((String) row[2]).orElseThrow());
    }
}
