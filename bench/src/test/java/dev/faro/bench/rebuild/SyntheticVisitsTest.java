package dev.faro.bench.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.VisitRecorded;
import org.junit.jupiter.api.Test;

class SyntheticVisitsTest {

    @Test
    void visitsAreValidEventsOfTheBenchCampaignOnly() {
        SyntheticVisits visits = new SyntheticVisits();

        for (long n = 0; n < 8; n++) {
            EventEnvelope envelope = visits.event(n);
            // A round trip through the codec validates the data against the contract's schema.
            EventEnvelope decoded =
                    EventCodec.instance().decode(EventCodec.instance().encode(envelope));
            VisitRecorded visit = EventCodec.instance().data(decoded, VisitRecorded.class);

            assertThat(decoded.eventType()).isEqualTo(EventType.VISIT_RECORDED);
            assertThat(visit.campaign()).isEqualTo(SyntheticVisits.CAMPAIGN).isNotEqualTo("demo");
            assertThat(decoded.subject()).isEqualTo(visit.visitorId());
        }
    }

    @Test
    void everyVisitIsANewVisitor() {
        SyntheticVisits visits = new SyntheticVisits();

        assertThat(visits.event(0).subject()).isNotEqualTo(visits.event(0).subject());
    }
}
