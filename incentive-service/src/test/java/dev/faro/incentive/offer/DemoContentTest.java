package dev.faro.incentive.offer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class DemoContentTest {

    @Inject
    OfferStore offers;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void theSeededDemoOfferIsATenPercentCodeWithAnEbook() {
        Offer demo = QuarkusTransaction.requiringNew()
                .call(() -> offers.find(DemoOfferSeed.OFFER_ID))
                .orElseThrow();

        assertThat(demo.campaign()).isEqualTo("demo");
        assertThat(demo.variant()).isNull();
        assertThat(demo.kind()).isEqualTo(OfferKind.PERCENT_DISCOUNT);
        assertThat(demo.discountPercent()).isEqualTo(10);
        assertThat(demo.validDays()).isEqualTo(30);
        assertThat(demo.budget()).isNull();
        assertThat(demo.content().title()).isEqualTo("Desbloquea el poder de las redes sociales");
    }

    @Test
    void aDemoLeadsEbookLinkServesThePdf() {
        TestKafka kafka = new TestKafka(kafkaBootstrap);
        UUID leadId = UUID.randomUUID();
        kafka.publish("demo", GoldenEvents.campaign("demo"));

        kafka.publish(
                leadId.toString(),
                GoldenEvents.fresh(EventType.LEAD_CAPTURED, Map.of("leadId", leadId, "campaign", "demo")));
        List<EventEnvelope> issued = await().atMost(Duration.ofSeconds(20))
                .until(() -> kafka.events(Topics.INCENTIVES.name(), leadId.toString()), events -> !events.isEmpty());
        IncentiveIssued incentive = EventCodec.instance().data(issued.get(0), IncentiveIssued.class);
        byte[] pdf = given().get(URI.create(incentive.content().url()).getPath())
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();

        assertThat(incentive.offerId()).isEqualTo(DemoOfferSeed.OFFER_ID);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }
}
