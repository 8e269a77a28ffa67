package dev.faro.incentive.offer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class DemoContentTest {

    @Inject
    OfferCatalogue offers;

    @Test
    void theDemoOffersEbookLinkServesAPdf() {
        Offer demo = QuarkusTransaction.requiringNew().call(() -> offers.forCampaign("demo"));
        String path = URI.create(demo.contentUrl()).getPath();

        byte[] pdf = given().get(path)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(demo.discountPercent()).isEqualTo(10);
        assertThat(demo.contentTitle()).isEqualTo("Desbloquea el poder de las redes sociales");
    }
}
