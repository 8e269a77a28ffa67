package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageRatesTest {

    private static final long T0 = 1_795_690_800_000_000L;

    private static LeadJourney journey(double sentS, double capturedS, Double issuedS, Double acceptedS) {
        return new LeadJourney(
                "a" + sentS + "@example.org",
                "id",
                T0 + (long) (sentS * 1e6),
                T0 + (long) (capturedS * 1e6),
                issuedS == null ? null : T0 + (long) (issuedS * 1e6),
                acceptedS == null ? null : T0 + (long) (acceptedS * 1e6),
                null,
                null);
    }

    @Test
    void countsTheLeadsPassingEachStampInEachSecondFromTheFirstSend() {
        List<LeadJourney> journeys = List.of(
                journey(0.0, 0.1, 0.2, 0.9),
                journey(0.5, 0.6, 1.7, 2.4),
                journey(1.0, 1.1, 2.8, null),
                journey(1.5, 1.6, null, null));

        assertThat(StageRates.table(journeys).lines())
                .containsExactly(
                        "second sent | LeadCaptured | IncentiveIssued | SMTP accepted",
                        "     0      2      2      1      1",
                        "     1      2      2      1      0",
                        "     2      0      0      1      1");
    }

    @Test
    void noJourneysGiveOnlyTheHeader() {
        assertThat(StageRates.table(List.of()).lines()).hasSize(1);
    }
}
