package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.pipeline.EventListener;
import dev.faro.contract.EventType;
import dev.faro.local.infra.InboxMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadJourneysTest {

    private static final Instant T0 = Instant.parse("2026-11-26T11:00:00Z");
    private static final long T0_MICROS = EventListener.epochMicros(T0);

    private static InboxMessage message(String to, Instant receivedAt) {
        return new InboxMessage(
                "<m@faro>", List.of(to), "Faro <demo@faro.local>", "Tu código", "text", null, Map.of(), receivedAt);
    }

    private static EventListener.Arrival event(EventType type, String leadId, long millisAfterT0) {
        long micros = T0_MICROS + millisAfterT0 * 1000;
        return new EventListener.Arrival(type, UUID.randomUUID(), leadId, micros, micros + 2000);
    }

    @Test
    void eachLeadGetsItsStampsFromTheLoadTheKafkaRecordsAndTheInbox() {
        Map<String, Instant> sent = Map.of("a@example.org", T0, "b@example.org", T0.plusMillis(10));
        Map<String, String> ids = Map.of("a@example.org", "lead-a", "b@example.org", "lead-b");
        List<EventListener.Arrival> events = List.of(
                event(EventType.LEAD_CAPTURED, "lead-a", 30),
                event(EventType.INCENTIVE_ISSUED, "lead-a", 80),
                // a redelivered copy (another event id) later than the first does not count
                event(EventType.INCENTIVE_ISSUED, "lead-a", 900),
                event(EventType.LEAD_CAPTURED, "lead-b", 45),
                event(EventType.LEAD_CAPTURED, "someone-else", 1));
        List<InboxMessage> inbox =
                List.of(message("a@example.org", T0.plusMillis(200)), message("a@example.org", T0.plusMillis(5000)));

        ServiceStamps stamps =
                new ServiceStamps(Map.of("lead-a", T0_MICROS + 50_000), Map.of("lead-a", T0_MICROS + 120_000));

        List<LeadJourney> journeys = LeadJourneys.assemble(sent, ids, events, inbox, stamps);

        assertThat(journeys)
                .containsExactly(
                        new LeadJourney(
                                "a@example.org",
                                "lead-a",
                                T0_MICROS,
                                T0_MICROS + 30_000,
                                T0_MICROS + 80_000,
                                T0_MICROS + 200_000,
                                T0_MICROS + 50_000,
                                T0_MICROS + 120_000),
                        new LeadJourney(
                                "b@example.org",
                                "lead-b",
                                T0_MICROS + 10_000,
                                T0_MICROS + 45_000,
                                null,
                                null,
                                null,
                                null));
        assertThat(journeys.get(0).complete()).isTrue();
        assertThat(journeys.get(1).complete()).isFalse();
    }

    @Test
    void aLeadLeadServiceHasNoIdForGetsOnlyItsSendAndSinkStamps() {
        Map<String, Instant> sent = Map.of("a@example.org", T0);

        List<LeadJourney> journeys = LeadJourneys.assemble(
                sent,
                Map.of(),
                List.of(event(EventType.LEAD_CAPTURED, "lead-a", 30)),
                List.of(message("a@example.org", T0.plusMillis(90))),
                new ServiceStamps(Map.of("lead-a", 1L), Map.of("lead-a", 2L)));

        assertThat(journeys)
                .containsExactly(
                        new LeadJourney("a@example.org", null, T0_MICROS, null, null, T0_MICROS + 90_000, null, null));
    }

    @Test
    void theCsvRowHasEveryStampAndLeavesMissingOnesEmpty() {
        LeadJourney journey = new LeadJourney("b@example.org", "lead-b", 10, 45L, null, null, 50L, null);

        assertThat(JourneysCsv.row(journey)).isEqualTo("b@example.org,lead-b,10,45,50,,,");
        assertThat(JourneysCsv.HEADER.split(","))
                .hasSize(JourneysCsv.row(journey).split(",", -1).length);
    }
}
