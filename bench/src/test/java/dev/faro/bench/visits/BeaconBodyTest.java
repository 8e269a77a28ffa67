package dev.faro.bench.visits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BeaconBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodyHasTheFieldsFaroJsSendsInItsOrder() throws Exception {
        JsonNode body = JSON.readTree(new BeaconBody(7).forSequence(3));

        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("campaign", "landingPage", "variant", "visitorId", "referrer", "utm");
        assertThat(body.path("campaign").asText()).isEqualTo("demo");
        assertThat(body.path("utm").path("source").asText()).isEqualTo("newsletter");
    }

    @Test
    void visitorIdsHaveTheScriptsShapeAndTheServersPattern() {
        BeaconBody body = new BeaconBody(-1);

        assertThat(body.visitorId(0)).matches("v-[0-9a-f]{32}").matches("^[A-Za-z0-9_-]{1,64}$");
        assertThat(body.visitorId(-2)).matches("v-[0-9a-f]{32}");
    }

    @Test
    void everyRequestIsAnotherVisitor() {
        BeaconBody body = new BeaconBody(42);

        assertThat(LongStream.range(0, 1000).mapToObj(body::visitorId)).doesNotHaveDuplicates();
        assertThat(new BeaconBody(1).visitorId(5)).isNotEqualTo(new BeaconBody(2).visitorId(5));
    }
}
