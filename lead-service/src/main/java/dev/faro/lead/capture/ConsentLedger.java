package dev.faro.lead.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Every consent decision a person made, one row per submission, never updated: the evidence of what they were
 * shown (the hash of the exact text), what they answered, when, and from where. The lead row only keeps the
 * latest answer.
 */
@ApplicationScoped
public class ConsentLedger {

    /** The only purpose a landing page asks for today: marketing email. */
    public static final String MARKETING = "marketing";

    private final EntityManager entityManager;

    public ConsentLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(
            UUID leadId, String purpose, boolean granted, String textVersion, Instant givenAt, SubmissionSource from) {
        entityManager
                .createNativeQuery(
                        """
                        insert into consent_record
                            (lead_id, purpose, granted, text_version, given_at, truncated_ip, user_agent)
                        values (:lead, :purpose, :granted, cast(:textVersion as varchar), :givenAt,
                                cast(:ip as varchar), cast(:userAgent as varchar))
                        """)
                .setParameter("lead", leadId)
                .setParameter("purpose", purpose)
                .setParameter("granted", granted)
                .setParameter("textVersion", textVersion)
                .setParameter("givenAt", givenAt)
                .setParameter("ip", from.truncatedIp())
                .setParameter("userAgent", from.userAgent())
                .executeUpdate();
    }
}
