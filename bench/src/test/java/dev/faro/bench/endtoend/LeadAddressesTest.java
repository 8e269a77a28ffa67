package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LeadAddressesTest {

    @Test
    void eachLeadOfARunHasItsOwnLowerCaseAddress() {
        LeadAddresses addresses = new LeadAddresses("k3x9");

        assertThat(addresses.address(12)).isEqualTo("e2e-k3x9-12@example.org");
        assertThat(LongStream.range(0, 500).mapToObj(addresses::address)).doesNotHaveDuplicates();
        assertThat(new LeadAddresses("a").address(1)).isNotEqualTo(new LeadAddresses("b").address(1));
    }

    @Test
    void bodyIsTheReadmesCaptureRequestForTheDemoCampaign() throws Exception {
        JsonNode body = new ObjectMapper().readTree(new LeadAddresses("r1").captureBody(7));

        assertThat(body.path("email").asText()).isEqualTo("e2e-r1-7@example.org");
        assertThat(body.path("campaign").asText()).isEqualTo("demo");
        assertThat(body.path("consent").path("marketing").asBoolean()).isTrue();
        assertThat(body.path("locale").asText()).isEqualTo("es");
    }

    @Test
    void runIdMustNotBreakTheAddress() {
        assertThatThrownBy(() -> new LeadAddresses("a@b")).isInstanceOf(IllegalArgumentException.class);
    }
}
