package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.endtoend.LeadJourney.Hop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HopBreakdownTest {

    /** A complete journey with hops of the given milliseconds, sent at {@code sentMillis}. */
    private static LeadJourney journey(long sentMillis, long captureMillis, long incentiveMillis, long emailMillis) {
        long sent = sentMillis * 1000;
        long captured = sent + captureMillis * 1000;
        long issued = captured + incentiveMillis * 1000;
        return new LeadJourney(
                "x" + sentMillis + "@example.org",
                "id",
                sent,
                captured,
                issued,
                issued + emailMillis * 1000,
                null,
                null);
    }

    @Test
    void eachHopRunsFromThePreviousStampToItsOwn() {
        LeadJourney journey = journey(1000, 20, 35, 140);

        assertThat(journey.hopMicros(Hop.CAPTURE_TO_KAFKA)).isEqualTo(20_000);
        assertThat(journey.hopMicros(Hop.INCENTIVE)).isEqualTo(35_000);
        assertThat(journey.hopMicros(Hop.EMAIL)).isEqualTo(140_000);
        assertThat(journey.totalMicros()).isEqualTo(195_000);
    }

    @Test
    void percentilesOfEachHopOverTheCompleteJourneysOnly() {
        List<LeadJourney> journeys = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            journeys.add(journey(i * 10L, i, 2L * i, 30));
        }
        journeys.add(new LeadJourney("lost@example.org", "id", 0, 5_000_000L, null, null, null, null));

        HopBreakdown hops = HopBreakdown.of(journeys);

        assertThat(hops.complete()).isEqualTo(100);
        assertThat(hops.percentileMillis(Hop.CAPTURE_TO_KAFKA, 50)).isEqualTo(50);
        assertThat(hops.percentileMillis(Hop.CAPTURE_TO_KAFKA, 99)).isEqualTo(99);
        assertThat(hops.percentileMillis(Hop.INCENTIVE, 99)).isEqualTo(198);
        assertThat(hops.percentileMillis(Hop.EMAIL, 50)).isEqualTo(30);
    }

    @Test
    void theSlowestLeadsShowWhichHopTheirTimeWentTo() {
        List<LeadJourney> journeys = new ArrayList<>();
        for (int i = 0; i < 198; i++) {
            journeys.add(journey(i, 10, 20, 100));
        }
        // the two slowest lost their time in email-service; with the p99's own lead (rank 198 of 200) they are
        // the slowest three
        journeys.add(journey(500, 12, 22, 3000));
        journeys.add(journey(501, 11, 21, 3200));

        HopBreakdown hops = HopBreakdown.of(journeys);

        assertThat(hops.tailCount()).isEqualTo(3);
        assertThat(hops.tailMedianMillis(Hop.EMAIL)).isEqualTo(3000);
        assertThat(hops.tailMedianMillis(Hop.CAPTURE_TO_KAFKA)).isEqualTo(11);
        assertThat(hops.percentileMillis(Hop.EMAIL, 50)).isEqualTo(100);
    }

    @Test
    void theServicesOwnStampsSplitTheIncentiveAndEmailHops() {
        LeadJourney journey =
                new LeadJourney("a@example.org", "id", 0L, 20_000L, 135_000L, 300_000L, 100_000L, 180_000L);

        assertThat(journey.splitMicros(LeadJourney.Split.INCENTIVE_CONSUMER)).isEqualTo(80_000);
        assertThat(journey.splitMicros(LeadJourney.Split.INCENTIVE_RELAY)).isEqualTo(35_000);
        assertThat(journey.splitMicros(LeadJourney.Split.EMAIL_CONSUMER)).isEqualTo(45_000);
        assertThat(journey.splitMicros(LeadJourney.Split.EMAIL_SENDER)).isEqualTo(120_000);

        HopBreakdown hops = HopBreakdown.of(List.of(journey, journey(10, 20, 30, 40)));

        // the journey without the services' stamps counts in the hops but not in their splits
        assertThat(hops.complete()).isEqualTo(2);
        assertThat(hops.splitCount(LeadJourney.Split.EMAIL_SENDER)).isEqualTo(1);
        assertThat(hops.percentileMillis(LeadJourney.Split.EMAIL_SENDER, 99)).isEqualTo(120);
    }

    @Test
    void withoutACompleteJourneyEveryFigureIsNaN() {
        HopBreakdown hops =
                HopBreakdown.of(List.of(new LeadJourney("a@example.org", null, 0, null, null, null, null, null)));

        assertThat(hops.complete()).isZero();
        assertThat(hops.tailCount()).isZero();
        assertThat(hops.percentileMillis(Hop.EMAIL, 99)).isNaN();
        assertThat(hops.tailMedianMillis(Hop.EMAIL)).isNaN();
    }
}
