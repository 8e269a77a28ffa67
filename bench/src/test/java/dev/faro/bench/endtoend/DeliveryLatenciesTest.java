package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faro.local.infra.InboxJson;
import dev.faro.local.infra.InboxMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryLatenciesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T11:00:00Z");

    private static InboxMessage message(String to, Instant receivedAt) {
        return new InboxMessage(
                "<m@faro>", List.of(to), "Faro <demo@faro.local>", "Tu código", "text", null, Map.of(), receivedAt);
    }

    @Test
    void latencyRunsFromSendingToTheSinkAcceptingTheFirstMessage() {
        Map<String, Instant> sent = Map.of("a@example.org", T0, "b@example.org", T0.plusMillis(10));
        List<InboxMessage> inbox = List.of(
                message("a@example.org", T0.plusMillis(120)),
                message("b@example.org", T0.plusMillis(210)),
                // a later message to the same lead (a nurture step) does not replace the first
                message("a@example.org", T0.plusMillis(5000)),
                // someone else's mail is ignored
                message("other@example.org", T0.plusMillis(1)));

        DeliveryLatencies deliveries = DeliveryLatencies.of(sent, inbox);

        assertThat(deliveries.delivered()).isEqualTo(2);
        assertThat(deliveries.missing()).isZero();
        assertThat(deliveries.percentileMillis(50)).isCloseTo(120, within(0.5));
        assertThat(deliveries.maxMillis()).isCloseTo(200, within(0.5));
    }

    @Test
    void recipientsAreMatchedWhateverTheirCase() {
        DeliveryLatencies deliveries =
                DeliveryLatencies.of(Map.of("a@example.org", T0), List.of(message("A@Example.org", T0.plusMillis(50))));

        assertThat(deliveries.delivered()).isEqualTo(1);
    }

    @Test
    void leadsWithoutAMessageAreMissing() {
        Map<String, Instant> sent = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            sent.put("lead" + i + "@example.org", T0);
        }
        List<InboxMessage> inbox = new java.util.ArrayList<>();
        for (int i = 0; i < 98; i++) {
            inbox.add(message("lead" + i + "@example.org", T0.plusMillis(i + 1)));
        }

        DeliveryLatencies deliveries = DeliveryLatencies.of(sent, inbox);

        assertThat(deliveries.missing()).isEqualTo(2);
        assertThat(deliveries.percentileMillis(99)).isCloseTo(98, within(0.5));
        assertThat(deliveries.percentileMillis(50)).isCloseTo(49, within(0.5));
    }

    @Test
    void readsTheInboxJsonTheSinkServes() {
        String json = "[{\"messageId\":\"<1@faro>\",\"to\":[\"e2e-r-0@example.org\"],\"from\":\"Faro <x@faro.local>\","
                + "\"subject\":\"Tu código\",\"text\":\"hola\",\"html\":null,\"headers\":{\"Subject\":\"Tu código\"},"
                + "\"receivedAt\":\"2026-11-26T11:00:00.245Z\"}]";

        DeliveryLatencies deliveries = DeliveryLatencies.of(Map.of("e2e-r-0@example.org", T0), InboxJson.read(json));

        assertThat(deliveries.percentileMillis(50)).isCloseTo(245, within(0.5));
    }

    @Test
    void nothingDeliveredGivesZeroRatherThanAnError() {
        DeliveryLatencies deliveries = DeliveryLatencies.of(Map.of("a@example.org", T0), List.of());

        assertThat(deliveries.percentileMillis(99)).isZero();
        assertThat(deliveries.missing()).isEqualTo(1);
    }
}
