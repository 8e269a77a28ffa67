package dev.faro.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.ChannelTopics;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class MessagingTopicsTest {

    @Test
    void everyConsumedTopicIsDeclaredInTheContract() {
        var config = ConfigProvider.getConfig();

        assertThat(ChannelTopics.configured(config))
                .containsOnlyKeys("leads", "visits", "incentives", "emails", "campaigns");
        assertThat(ChannelTopics.undeclared(config)).isEmpty();
    }
}
