package dev.faro.lead.privacy;

import dev.faro.contract.events.ErasureLink;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A person asks, by address, to be sent the link that erases them. Each lead of the address is sent one
 * ({@code ErasureLinkRequested}, for email-service), at most {@code faro.erasure.links-per-lead} in the window;
 * whoever asks learns nothing either way: not whether the address is known, nor whether a limit was reached.
 * {@code faro_erasure_link_requests_total{outcome}} counts what happened.
 */
@ApplicationScoped
public class ErasureRequests {

    static final String METRIC = "faro.erasure.link.requests";

    private final EntityManager entityManager;
    private final ErasureLinks links;
    private final PersonalDataSeal seal;
    private final Outbox outbox;
    private final ErasureConfig config;
    private final MeterRegistry meters;

    public ErasureRequests(
            EntityManager entityManager,
            ErasureLinks links,
            PersonalDataSeal seal,
            Outbox outbox,
            ErasureConfig config,
            MeterRegistry meters) {
        this.entityManager = entityManager;
        this.links = links;
        this.seal = seal;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    /** Asks for an erasure link for each lead of the (normalised) address; returns how many were asked for. */
    @Transactional
    public int request(String email) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The row locks serialise concurrent requests for the address, so the per-lead limit holds.
        @SuppressWarnings("unchecked")
        List<Object[]> leads = entityManager
                .createNativeQuery(
                        """
                        select id, campaign_id, locale from lead where email = :email
                        order by created_at, id
                        for update
                        """)
                .setParameter("email", email)
                .getResultList();
        if (leads.isEmpty()) {
            count("unknown-address");
            return 0;
        }
        int requested = 0;
        for (Object[] lead : leads) {
            UUID leadId = (UUID) lead[0];
            if (linksSince(leadId, now.minus(config.linkWindow())) >= config.linksPerLead()) {
                count("lead-limit");
                continue;
            }
            record(leadId, now);
            Instant expiresAt = now.plus(config.linkValidity()).truncatedTo(ChronoUnit.SECONDS);
            ErasureLink link = new ErasureLink(links.link(leadId, expiresAt));
            outbox.append(
                    leadId.toString(),
                    new ErasureLinkRequested(
                            leadId, (String) lead[1], (String) lead[2], expiresAt, seal.seal(leadId, link)));
            count("requested");
            requested++;
        }
        return requested;
    }

    /** Requests of the lead in the window; older ones are pruned here, as nothing counts them any more. */
    private long linksSince(UUID leadId, Instant since) {
        entityManager
                .createNativeQuery("delete from erasure_link_request where lead_id = :lead and requested_at <= :since")
                .setParameter("lead", leadId)
                .setParameter("since", since)
                .executeUpdate();
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from erasure_link_request where lead_id = :lead")
                        .setParameter("lead", leadId)
                        .getSingleResult())
                .longValue();
    }

    private void record(UUID leadId, Instant now) {
        entityManager
                .createNativeQuery("insert into erasure_link_request (lead_id, requested_at) values (:lead, :now)")
                .setParameter("lead", leadId)
                .setParameter("now", now)
                .executeUpdate();
    }

    private void count(String outcome) {
        meters.counter(METRIC, "outcome", outcome).increment();
    }
}
