package dev.faro.lead.confirmation;

import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.lead.privacy.PersonalDataSeal;
import dev.faro.lead.web.SignedTokens;
import dev.faro.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Asks for a double opt-in email ({@code ConfirmationRequested}) whenever a pending lead is captured or submitted
 * again, within limits: at most {@code faro.double-opt-in.requests-per-address} per address in the request window
 * (across campaigns) and at most {@value #MAX_ATTEMPTS_PER_LEAD} per lead, the most the event contract knows. Over
 * a limit nothing is asked for and the submission is answered as usual, so the form does not tell whether an
 * address is known or being flooded; {@code faro_confirmation_requests_total{outcome}} counts what happened.
 */
@ApplicationScoped
public class ConfirmationRequests {

    static final int MAX_ATTEMPTS_PER_LEAD = 3;
    static final String METRIC = "faro.confirmation.requests";

    /** Advisory locks of this class live in their own space, apart from any other lock taken on these numbers. */
    private static final int LOCK_SPACE = "faro.confirmation-request".hashCode();

    private final EntityManager entityManager;
    private final ConfirmationLinks links;
    private final PersonalDataSeal seal;
    private final Outbox outbox;
    private final DoubleOptInConfig config;
    private final MeterRegistry meters;
    private final SignedTokens tokens;

    public ConfirmationRequests(
            EntityManager entityManager,
            ConfirmationLinks links,
            PersonalDataSeal seal,
            Outbox outbox,
            DoubleOptInConfig config,
            SignedTokens tokens,
            MeterRegistry meters) {
        this.entityManager = entityManager;
        this.links = links;
        this.seal = seal;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
        this.tokens = tokens;
    }

    /**
     * Asks for the lead's next confirmation email if the lead is pending and no limit is reached; does nothing for
     * a confirmed lead. Call it in the capture transaction, after the lead's {@code LeadCaptured} is appended, so
     * email-service knows the contact before it reads the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestFor(UUID leadId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> pending = entityManager
                .createNativeQuery("select campaign_id, email, locale from lead where id = :id and status = 'pending'")
                .setParameter("id", leadId)
                .getResultList();
        if (pending.isEmpty()) {
            return;
        }
        String campaign = (String) pending.get(0)[0];
        String addressHash = addressHash((String) pending.get(0)[1]);
        String locale = (String) pending.get(0)[2];

        lockAddress(addressHash);
        if (requestsOfAddressSince(addressHash, now.minus(config.requestWindow())) >= config.requestsPerAddress()) {
            count("address-limit");
            return;
        }
        int attempt = previousAttempts(leadId) + 1;
        if (attempt > MAX_ATTEMPTS_PER_LEAD) {
            count("lead-limit");
            return;
        }
        record(leadId, attempt, addressHash, now);
        Instant expiresAt = now.plus(config.linkValidity()).truncatedTo(ChronoUnit.SECONDS);
        ConfirmationLink link = new ConfirmationLink(links.link(leadId, expiresAt));
        outbox.append(
                leadId.toString(),
                new ConfirmationRequested(leadId, campaign, locale, attempt, expiresAt, seal.seal(leadId, link)));
        count("requested");
    }

    /** Serialises the requests of one address until the transaction ends, so the limit holds under concurrency. */
    private void lockAddress(String addressHash) {
        int key = ByteBuffer.wrap(HexFormat.of().parseHex(addressHash, 0, 8)).getInt();
        entityManager
                .createNativeQuery("select count(*) from pg_advisory_xact_lock(:space, :key)")
                .setParameter("space", LOCK_SPACE)
                .setParameter("key", key)
                .getSingleResult();
    }

    private long requestsOfAddressSince(String addressHash, Instant since) {
        return ((Number) entityManager
                        .createNativeQuery(
                                """
                                select count(*) from confirmation_request
                                where address_hash = :hash and requested_at > :since
                                """)
                        .setParameter("hash", addressHash)
                        .setParameter("since", since)
                        .getSingleResult())
                .longValue();
    }

    private int previousAttempts(UUID leadId) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select coalesce(max(attempt), 0) from confirmation_request where lead_id = :id")
                        .setParameter("id", leadId)
                        .getSingleResult())
                .intValue();
    }

    private void record(UUID leadId, int attempt, String addressHash, Instant now) {
        entityManager
                .createNativeQuery(
                        """
                        insert into confirmation_request (lead_id, attempt, address_hash, requested_at)
                        values (:id, :attempt, :hash, :now)
                        """)
                .setParameter("id", leadId)
                .setParameter("attempt", attempt)
                .setParameter("hash", addressHash)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** A keyed hash, so the table alone does not tell whose addresses asked for email. */
    private String addressHash(String email) {
        return tokens.fingerprint("confirmation-address", email.trim().toLowerCase(Locale.ROOT));
    }

    private void count(String outcome) {
        meters.counter(METRIC, "outcome", outcome).increment();
    }
}
