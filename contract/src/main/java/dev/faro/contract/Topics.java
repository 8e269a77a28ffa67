package dev.faro.contract;

import java.util.List;
import java.util.Map;

/** Every topic Faro uses. Each event type names its topic in {@link EventType}. */
public final class Topics {

    /** Event log topics keep every record so analytics can rebuild its aggregates from the beginning. */
    private static final Map<String, String> KEEP_FOREVER = Map.of("cleanup.policy", "delete", "retention.ms", "-1");

    public static final TopicSpec LEADS = new TopicSpec(
            "faro.leads",
            6,
            KEEP_FOREVER,
            "Lead lifecycle: LeadCaptured, ConfirmationRequested, LeadConfirmed, ErasureLinkRequested, LeadErased;"
                    + " key = lead id");
    /**
     * The data key of each lead, wrapped; compaction keeps only the latest record per lead, so after erasure
     * the key's bytes are gone from the log within {@code max.compaction.lag.ms} (one day) and only the
     * destroyed marker remains.
     */
    public static final TopicSpec LEAD_KEYS = new TopicSpec(
            "faro.lead-keys",
            6,
            Map.of(
                    "cleanup.policy", "compact",
                    "min.compaction.lag.ms", "0",
                    "max.compaction.lag.ms", "86400000",
                    "segment.ms", "3600000",
                    "min.cleanable.dirty.ratio", "0.01"),
            "Wrapped data keys of leads (LeadKeyIssued), replaced by LeadKeyDestroyed on erasure; key = lead id");

    public static final TopicSpec VISITS =
            new TopicSpec("faro.visits", 6, KEEP_FOREVER, "Landing page visits (VisitRecorded); key = visitor id");
    public static final TopicSpec CAMPAIGNS = new TopicSpec(
            "faro.campaigns",
            3,
            Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000"),
            "Latest state of each campaign (CampaignChanged); key = campaign id");
    public static final TopicSpec INCENTIVES = new TopicSpec(
            "faro.incentives",
            6,
            KEEP_FOREVER,
            "Incentive lifecycle: IncentiveIssued, IncentiveRedeemed, IncentiveExpiring (key = lead id); CodePoolRunningLow (key = pool id)");
    public static final TopicSpec EMAILS = new TopicSpec(
            "faro.emails",
            6,
            KEEP_FOREVER,
            "Email outcomes and engagement: EmailSent, EmailFailed, EmailOpened, EmailClicked, Unsubscribed; key = lead id");
    public static final TopicSpec DIGESTS = new TopicSpec(
            "faro.digests", 3, KEEP_FOREVER, "Composed marketer digests (DigestReady); key = campaign id");
    public static final TopicSpec DEAD_LETTER = new TopicSpec(
            "faro.deadletter",
            3,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(30L * 24 * 60 * 60 * 1000)),
            "Records a consumer could never process (unparseable, schema-invalid, unknown version), with the reason in headers");

    private static final List<TopicSpec> ALL =
            List.of(LEADS, LEAD_KEYS, VISITS, CAMPAIGNS, INCENTIVES, EMAILS, DIGESTS, DEAD_LETTER);

    private Topics() {}

    public static List<TopicSpec> all() {
        return ALL;
    }

    public static TopicSpec byName(String name) {
        return ALL.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
