package dev.faro.analytics.digest;

import dev.faro.contract.events.CampaignChanged;
import dev.faro.contract.events.DigestReady;
import dev.faro.support.campaign.CampaignViews;
import dev.faro.support.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Publishes every digest that is due, through the outbox. Safe with any number of replicas and restarts: each
 * digest is claimed by a row in {@code digest_published} whose primary key is campaign × period × language × time
 * zone, in the transaction that appends its DigestReady, so it is published once or not at all. A transaction
 * advisory lock per digest keeps a second replica from composing the same digest meanwhile; it skips it instead
 * of waiting.
 */
@ApplicationScoped
public class DigestScheduler {

    private static final Logger LOG = Logger.getLogger(DigestScheduler.class);
    /** Namespace of the per-digest advisory locks (the second key is a hash of the digest's key). */
    private static final int LOCK_NAMESPACE = 0x46444753;

    private final DigestSubscriptions subscriptions;
    private final CampaignViews campaigns;
    private final DigestComposer composer;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final DigestClock clock;
    private final DigestSchedule schedule;

    public DigestScheduler(
            DigestSubscriptions subscriptions,
            CampaignViews campaigns,
            DigestComposer composer,
            Outbox outbox,
            EntityManager entityManager,
            DigestClock clock,
            DigestConfig config) {
        this.subscriptions = subscriptions;
        this.campaigns = campaigns;
        this.composer = composer;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
        this.schedule = new DigestSchedule(config.settleTime());
    }

    @Scheduled(
            identity = "digest-scheduler",
            every = "${faro.digest.check-every:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        publishDue();
    }

    /** Publishes the digests due now that no one has published yet; returns how many this call published. */
    public int publishDue() {
        Instant now = clock.now();
        int published = 0;
        for (DigestSubscription subscription : subscriptions.all()) {
            for (DueDigest digest : schedule.due(subscription, now)) {
                try {
                    if (publish(digest, now)) {
                        published++;
                    }
                } catch (RuntimeException e) {
                    // Left unclaimed: the next run tries again. One campaign's failure does not hold up the others.
                    LOG.errorf(
                            e,
                            "Digest of campaign %s for %s–%s (%s, %s) could not be published",
                            digest.campaign(),
                            digest.period().start(),
                            digest.period().end(),
                            digest.locale(),
                            digest.timeZone());
                }
            }
        }
        return published;
    }

    private boolean publish(DueDigest digest, Instant now) {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            String key = String.join(
                    "|",
                    digest.campaign(),
                    digest.period().start().toString(),
                    digest.period().end().toString(),
                    digest.locale(),
                    digest.timeZone());
            boolean locked = (Boolean) entityManager
                    .createNativeQuery("select pg_try_advisory_xact_lock(:namespace, hashtext(:key))")
                    .setParameter("namespace", LOCK_NAMESPACE)
                    .setParameter("key", key)
                    .getSingleResult();
            if (!locked) {
                return false;
            }
            Optional<CampaignChanged> campaign = campaigns.find(digest.campaign());
            if (campaign.isEmpty() || campaign.get().archived()) {
                return false;
            }
            int claimed = entityManager
                    .createNativeQuery(
                            """
                            insert into digest_published
                                (campaign, period_start, period_end, locale, time_zone, recipients, published_at)
                            values (:campaign, :start, :end, :locale, :timeZone, :recipients, :now)
                            on conflict do nothing
                            """)
                    .setParameter("campaign", digest.campaign())
                    .setParameter("start", digest.period().start())
                    .setParameter("end", digest.period().end())
                    .setParameter("locale", digest.locale())
                    .setParameter("timeZone", digest.timeZone())
                    .setParameter("recipients", digest.group().size())
                    .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .executeUpdate();
            if (claimed == 0) {
                return false;
            }
            DigestReady ready = composer.compose(
                    campaign.get(),
                    digest.frequency(),
                    digest.period(),
                    digest.locale(),
                    digest.timeZone(),
                    List.copyOf(digest.group()));
            outbox.append(digest.campaign(), ready);
            return true;
        });
    }
}
