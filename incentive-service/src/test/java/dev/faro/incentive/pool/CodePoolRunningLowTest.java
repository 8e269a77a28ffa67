package dev.faro.incentive.pool;

import static dev.faro.incentive.pool.PoolApi.csvOf;
import static dev.faro.incentive.pool.PoolApi.importCodes;
import static dev.faro.incentive.pool.PoolApi.poolWith;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.Topics;
import dev.faro.contract.events.CodePoolRunningLow;
import dev.faro.incentive.code.CodeAllocator;
import dev.faro.incentive.code.CodeSpec;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.PrometheusText;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class CodePoolRunningLowTest {

    @Inject
    CodeAllocator allocator;

    @Inject
    PoolRows rows;

    @Test
    void crossingTheLowWaterMarkIsAnnouncedOnceAndTheGaugeFollows() {
        String poolId = poolWith(10, 3);

        allocate(poolId, 6);
        assertThat(rows.runningLowEvents(poolId)).isZero();
        assertThat(remainingGauge(poolId)).isEqualTo(4);

        allocate(poolId, 1);
        assertThat(rows.runningLowEvents(poolId)).isOne();

        allocate(poolId, 3);
        assertThat(rows.runningLowEvents(poolId)).isOne();
        assertThat(remainingGauge(poolId)).isZero();

        List<EventEnvelope> published = await().atMost(Duration.ofSeconds(20))
                .until(() -> kafka().events(Topics.INCENTIVES.name(), poolId), events -> !events.isEmpty());
        assertThat(published).hasSize(1);
        assertThat(EventCodec.instance().data(published.get(0), CodePoolRunningLow.class))
                .isEqualTo(new CodePoolRunningLow(poolId, "demo", 3, 3));
    }

    @Test
    void anImportAboveTheMarkArmsTheAnnouncementAgain() {
        String poolId = poolWith(4, 3);
        allocate(poolId, 1);
        assertThat(rows.runningLowEvents(poolId)).isOne();

        importCodes(poolId, csvOf(poolId + "-refill", 2)).statusCode(200);
        assertThat(rows.runningLowEvents(poolId)).isOne();
        assertThat(remainingGauge(poolId)).isEqualTo(5);

        allocate(poolId, 1);
        assertThat(rows.runningLowEvents(poolId)).isOne();
        allocate(poolId, 1);
        assertThat(rows.runningLowEvents(poolId)).isEqualTo(2);
    }

    private void allocate(String poolId, int times) {
        for (int i = 0; i < times; i++) {
            QuarkusTransaction.requiringNew()
                    .call(() -> allocator.allocate(CodeSpec.fromPool(poolId), UUID.randomUUID()))
                    .orElseThrow();
        }
    }

    private static double remainingGauge(String poolId) {
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.sum(scrape, "faro_code_pool_remaining", Map.of("pool", poolId));
    }

    private static TestKafka kafka() {
        return new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    }
}
