package dev.faro.bench.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LeadBodiesTest {

    @Test
    void eachRequestHasItsOwnAddressForTheDemoCampaign() throws Exception {
        LeadBodies bodies = new LeadBodies("run1");
        JsonNode body = new ObjectMapper().readTree(bodies.apply(42));

        assertThat(body.get("email").asText()).isEqualTo("bench-run1-42@example.org");
        assertThat(body.get("campaign").asText()).isEqualTo("demo");
        assertThat(body.get("consent").get("marketing").asBoolean()).isTrue();
        assertThat(body.get("locale").asText()).isEqualTo("es");
        assertThat(bodies.apply(43)).isNotEqualTo(bodies.apply(42));
    }

    @Test
    void refusesARunIdThatWouldBreakTheAddress() {
        assertThatThrownBy(() -> new LeadBodies("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
