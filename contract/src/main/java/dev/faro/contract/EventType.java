package dev.faro.contract;

import dev.faro.contract.events.CampaignChanged;
import dev.faro.contract.events.CodePoolRunningLow;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.contract.events.DigestReady;
import dev.faro.contract.events.EmailClicked;
import dev.faro.contract.events.EmailFailed;
import dev.faro.contract.events.EmailOpened;
import dev.faro.contract.events.EmailSent;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.contract.events.IncentiveExpiring;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.contract.events.IncentiveRedeemed;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.contract.events.LeadErased;
import dev.faro.contract.events.LeadKeyDestroyed;
import dev.faro.contract.events.LeadKeyIssued;
import dev.faro.contract.events.Unsubscribed;
import dev.faro.contract.events.VisitRecorded;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event Faro publishes: its CloudEvents {@code type}, the topic it travels on, the Java record of its
 * {@code data} and the schema version producers write today. The slug names the schema and golden example
 * files ({@code schemas/<slug>.v<version>.json}, {@code examples/<slug>.v<version>.json}).
 */
public enum EventType {
    LEAD_CAPTURED("dev.faro.lead.captured", "lead-captured", Topics.LEADS, LeadCaptured.class),
    CONFIRMATION_REQUESTED(
            "dev.faro.lead.confirmation-requested",
            "confirmation-requested",
            Topics.LEADS,
            ConfirmationRequested.class),
    LEAD_CONFIRMED("dev.faro.lead.confirmed", "lead-confirmed", Topics.LEADS, LeadConfirmed.class),
    LEAD_ERASED("dev.faro.lead.erased", "lead-erased", Topics.LEADS, LeadErased.class),
    ERASURE_LINK_REQUESTED(
            "dev.faro.lead.erasure-link-requested", "erasure-link-requested", Topics.LEADS, ErasureLinkRequested.class),
    LEAD_KEY_ISSUED("dev.faro.lead.key-issued", "lead-key-issued", Topics.LEAD_KEYS, LeadKeyIssued.class),
    LEAD_KEY_DESTROYED("dev.faro.lead.key-destroyed", "lead-key-destroyed", Topics.LEAD_KEYS, LeadKeyDestroyed.class),
    VISIT_RECORDED("dev.faro.visit.recorded", "visit-recorded", Topics.VISITS, VisitRecorded.class),
    CAMPAIGN_CHANGED("dev.faro.campaign.changed", "campaign-changed", Topics.CAMPAIGNS, CampaignChanged.class),
    INCENTIVE_ISSUED("dev.faro.incentive.issued", "incentive-issued", Topics.INCENTIVES, IncentiveIssued.class),
    INCENTIVE_REDEEMED("dev.faro.incentive.redeemed", "incentive-redeemed", Topics.INCENTIVES, IncentiveRedeemed.class),
    INCENTIVE_EXPIRING("dev.faro.incentive.expiring", "incentive-expiring", Topics.INCENTIVES, IncentiveExpiring.class),
    CODE_POOL_RUNNING_LOW(
            "dev.faro.incentive.code-pool-running-low",
            "code-pool-running-low",
            Topics.INCENTIVES,
            CodePoolRunningLow.class),
    EMAIL_SENT("dev.faro.email.sent", "email-sent", Topics.EMAILS, EmailSent.class),
    EMAIL_FAILED("dev.faro.email.failed", "email-failed", Topics.EMAILS, EmailFailed.class),
    EMAIL_OPENED("dev.faro.email.opened", "email-opened", Topics.EMAILS, EmailOpened.class),
    EMAIL_CLICKED("dev.faro.email.clicked", "email-clicked", Topics.EMAILS, EmailClicked.class),
    UNSUBSCRIBED("dev.faro.email.unsubscribed", "unsubscribed", Topics.EMAILS, Unsubscribed.class),
    DIGEST_READY("dev.faro.digest.ready", "digest-ready", Topics.DIGESTS, DigestReady.class);

    /** The schema version every producer writes; consumers accept exactly the versions they know. */
    public static final int CURRENT_VERSION = 1;

    private final String cloudEventType;
    private final String slug;
    private final TopicSpec topic;
    private final Class<? extends Record> dataClass;

    EventType(String cloudEventType, String slug, TopicSpec topic, Class<? extends Record> dataClass) {
        this.cloudEventType = cloudEventType;
        this.slug = slug;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public String slug() {
        return slug;
    }

    public TopicSpec topic() {
        return topic;
    }

    public Class<? extends Record> dataClass() {
        return dataClass;
    }

    public String dataSchemaUri(int version) {
        return "urn:faro:event:" + slug + ":v" + version;
    }

    public String schemaResource(int version) {
        return "/dev/faro/contract/schemas/" + slug + ".v" + version + ".json";
    }

    public String exampleResource(int version) {
        return "/dev/faro/contract/examples/" + slug + ".v" + version + ".json";
    }

    public static Optional<EventType> fromCloudEventType(String type) {
        return Arrays.stream(values())
                .filter(t -> t.cloudEventType.equals(type))
                .findFirst();
    }

    public static EventType of(Class<? extends Record> dataClass) {
        return Arrays.stream(values())
                .filter(t -> t.dataClass.equals(dataClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(dataClass + " is not a Faro event"));
    }
}
