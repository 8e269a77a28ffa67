package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadCapturesTest {

    @Test
    void theWarmUpGoesToItsOwnAddressesAndIsNotTimed() {
        LeadCaptures captures = new LeadCaptures(new LeadAddresses("runw"));

        assertThat(captures.body(3)).contains("\"e2e-runw-3@example.org\"");
    }

    @Test
    void aMeasuredRunTimesEachLeadByItsAddressAsItsBodyIsMade() {
        LeadCaptures captures = new LeadCaptures(new LeadAddresses("runw"));
        captures.body(0);
        Instant before = Instant.now();

        Map<String, Instant> sentAt = captures.measure(new LeadAddresses("run"));
        String body = captures.body(7);

        assertThat(body).contains("\"e2e-run-7@example.org\"");
        assertThat(sentAt).containsOnlyKeys("e2e-run-7@example.org");
        assertThat(sentAt.get("e2e-run-7@example.org")).isAfterOrEqualTo(before);
    }

    @Test
    void eachMeasuredRunHasItsOwnAddressesAndTimes() {
        LeadCaptures captures = new LeadCaptures(new LeadAddresses("runw"));
        Map<String, Instant> first = captures.measure(new LeadAddresses("run"));
        captures.body(0);

        Map<String, Instant> second = captures.measure(new LeadAddresses("runrate75"));
        captures.body(0);
        captures.body(1);

        assertThat(first).containsOnlyKeys("e2e-run-0@example.org");
        assertThat(second).containsOnlyKeys("e2e-runrate75-0@example.org", "e2e-runrate75-1@example.org");
    }
}
