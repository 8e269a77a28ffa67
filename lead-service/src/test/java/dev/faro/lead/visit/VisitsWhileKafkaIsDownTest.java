package dev.faro.lead.visit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.FaroInfrastructureWithoutKafka;
import dev.faro.local.testing.PrometheusText;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** With no broker reachable, visits are still answered at once; they are dropped and counted, never waited on. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructureWithoutKafka.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class VisitsWhileKafkaIsDownTest {

    private static final Logger LOG = Logger.getLogger(VisitsWhileKafkaIsDownTest.class);
    private static final int VISITS = 50;
    /**
     * A send that waited for Kafka would take seconds (metadata, or room in the buffer); one that does not
     * takes milliseconds, so half a second leaves a busy two-core machine plenty of margin.
     */
    private static final Duration QUICK = Duration.ofMillis(500);

    @Test
    void visitsAreAnsweredAtOnceAndCountedAsDroppedWhileKafkaIsUnreachable() {
        Map<String, Double> droppedBefore = droppedByReason();
        double publishedBefore = published();

        // Not timed: the first request after start-up pays for class loading and JIT, nothing to do with Kafka.
        postVisit(VisitBeaconTest.uniqueVisitorId());
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < VISITS; i++) {
            times.add(postVisit(VisitBeaconTest.uniqueVisitorId()));
        }

        List<Duration> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        Duration slowest = sorted.get(sorted.size() - 1);
        LOG.infof(
                "%d visits with Kafka unreachable: slowest %d ms (visit %d), median %d ms, fastest %d ms",
                VISITS,
                slowest.toMillis(),
                times.indexOf(slowest) + 1,
                sorted.get(sorted.size() / 2).toMillis(),
                sorted.get(0).toMillis());
        assertThat(slowest).isLessThan(QUICK);

        await("every visit is counted as dropped for want of the topic's metadata")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    Map<String, Double> dropped = droppedByReason();
                    assertThat(dropped.getOrDefault("no-metadata", 0.0)
                                    - droppedBefore.getOrDefault("no-metadata", 0.0))
                            .isEqualTo(VISITS + 1);
                    assertThat(total(dropped) - total(droppedBefore)).isEqualTo(VISITS + 1);
                });
        assertThat(published()).isEqualTo(publishedBefore);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Posts one visit, checks it is accepted, and returns how long the answer took. */
    private static Duration postVisit(String visitorId) {
        long start = System.nanoTime();
        given().contentType(ContentType.JSON)
                .body(VisitBeaconTest.fullVisit(visitorId))
                .post("/api/visits")
                .then()
                .statusCode(202);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static double published() {
        return PrometheusText.value(scrape(), "faro_visits_published_total").orElse(0);
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The samples of faro_visits_dropped_total by their reason label. {@link PrometheusText} reads only
     * metrics without labels.
     */
    private static Map<String, Double> droppedByReason() {
        Pattern sample = Pattern.compile("^faro_visits_dropped_total\\{(.*)}\\s+(\\S+)$");
        Pattern reason = Pattern.compile("(?:^|,)reason=\"([^\"]*)\"");
        Map<String, Double> byReason = new HashMap<>();
        scrape().lines().forEach(line -> {
            Matcher matched = sample.matcher(line);
            if (matched.matches()) {
                Matcher label = reason.matcher(matched.group(1));
                if (label.find()) {
                    byReason.merge(label.group(1), Double.parseDouble(matched.group(2)), Double::sum);
                }
            }
        });
        return byReason;
    }

    private static double total(Map<String, Double> byReason) {
        return byReason.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
