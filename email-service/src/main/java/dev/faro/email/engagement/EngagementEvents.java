package dev.faro.email.engagement;

import dev.faro.contract.events.EmailClicked;
import dev.faro.contract.events.EmailOpened;
import dev.faro.email.privacy.ErasedLeads;
import dev.faro.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Publishes what a verified pixel or link token reports: EmailOpened on a message's first open, EmailClicked on
 * the first click of each of its links. A repeat, an erased lead, or a campaign whose tracking has been turned
 * off since the message was sent publishes nothing.
 */
@ApplicationScoped
public class EngagementEvents {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ErasedLeads erasedLeads;
    private final CampaignEngagement engagement;

    public EngagementEvents(
            EntityManager entityManager, Outbox outbox, ErasedLeads erasedLeads, CampaignEngagement engagement) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.erasedLeads = erasedLeads;
        this.engagement = engagement;
    }

    /** True when this was the message's first open and EmailOpened was published. */
    @Transactional
    public boolean opened(TrackedMessage message) {
        if (!isRecordable(message)) {
            return false;
        }
        boolean first = entityManager
                        .createNativeQuery(
                                """
                                insert into email_open (message_id, lead_id) values (:message, :lead)
                                on conflict do nothing
                                """)
                        .setParameter("message", message.messageId())
                        .setParameter("lead", message.leadId())
                        .executeUpdate()
                == 1;
        if (first) {
            outbox.append(
                    message.leadId().toString(),
                    new EmailOpened(message.leadId(), message.campaign(), message.messageId()));
        }
        return first;
    }

    /** True when this was the first click of the link in its message and EmailClicked was published. */
    @Transactional
    public boolean clicked(TrackedClick click) {
        TrackedMessage message = click.message();
        if (!isRecordable(message)) {
            return false;
        }
        boolean first = entityManager
                        .createNativeQuery(
                                """
                                insert into email_click (message_id, url_sha256, lead_id) values (:message, :url, :lead)
                                on conflict do nothing
                                """)
                        .setParameter("message", message.messageId())
                        .setParameter("lead", message.leadId())
                        .setParameter("url", sha256(click.url()))
                        .executeUpdate()
                == 1;
        if (first) {
            outbox.append(
                    message.leadId().toString(),
                    new EmailClicked(message.leadId(), message.campaign(), message.messageId(), click.url()));
        }
        return first;
    }

    private boolean isRecordable(TrackedMessage message) {
        return engagement.isTracked(message.campaign()) && !erasedLeads.isErased(message.leadId());
    }

    private static String sha256(String url) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
