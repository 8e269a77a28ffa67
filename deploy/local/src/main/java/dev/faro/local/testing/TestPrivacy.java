package dev.faro.local.testing;

import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.LeadKeyIssued;
import dev.faro.contract.events.Sealed;
import dev.faro.contract.privacy.KeyWrapping;
import dev.faro.contract.privacy.LeadSeal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens sealed personal data in tests the way an entitled service does: the lead's key from faro.lead-keys,
 * unwrapped with the test profile's key-wrapping key (the same public value every service's %test profile
 * sets in service-support's microprofile-config.properties).
 */
public final class TestPrivacy {

    public static final String KEY_WRAPPING_KEY = "rcA72BzG6DduuEpD/PooZtP45HWD04efDfgVxZKHNpI=";
    public static final KeyWrapping WRAPPING = KeyWrapping.fromBase64(KEY_WRAPPING_KEY);
    private static final Duration KEY_TIMEOUT = Duration.ofSeconds(20);

    private TestPrivacy() {}

    /** What lead-service publishes for a new lead's data key, wrapped with the test wrapping key. */
    public static LeadKeyIssued keyIssued(UUID leadId, byte[] dataKey) {
        return new LeadKeyIssued(leadId, WRAPPING.id(), WRAPPING.wrap(leadId, dataKey));
    }

    /** Waits for the lead's key on faro.lead-keys and opens {@code sealed} with it. */
    public static <T extends Record> T open(TestKafka kafka, UUID leadId, Sealed sealed, Class<T> type) {
        return LeadSeal.open(awaitDataKey(kafka, leadId), leadId, sealed, type);
    }

    /** The lead's data key as published (the latest record of the lead on the compacted topic). */
    public static byte[] awaitDataKey(TestKafka kafka, UUID leadId) {
        return await("the data key of lead " + leadId + " on faro.lead-keys")
                .atMost(KEY_TIMEOUT)
                .until(() -> latestKey(kafka, leadId), Optional::isPresent)
                .orElseThrow();
    }

    /** The events on faro.lead-keys for the lead, oldest first. */
    public static List<EventEnvelope> keyEvents(TestKafka kafka, UUID leadId) {
        return kafka.events(Topics.LEAD_KEYS.name(), leadId.toString());
    }

    private static Optional<byte[]> latestKey(TestKafka kafka, UUID leadId) {
        List<EventEnvelope> events = keyEvents(kafka, leadId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        EventEnvelope latest = events.get(events.size() - 1);
        if (latest.eventType() != EventType.LEAD_KEY_ISSUED) {
            throw new AssertionError("the key of lead " + leadId + " was destroyed");
        }
        LeadKeyIssued issued = EventCodec.instance().data(latest, LeadKeyIssued.class);
        return Optional.of(WRAPPING.unwrap(leadId, issued.wrappingKeyId(), issued.wrappedKey()));
    }
}
