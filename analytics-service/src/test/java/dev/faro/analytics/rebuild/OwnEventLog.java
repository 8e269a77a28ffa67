package dev.faro.analytics.rebuild;

import dev.faro.local.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Gives the rebuild tests an event log of their own: fresh topics (three partitions each) for the four funnel
 * channels and a consumer group that starts at their beginning. The broker is shared with the other tests of the
 * JVM, whose histories the rebuild must not read: several of them write fact rows straight into their database.
 * The tests also get small batches, so a rebuild spans many transactions while events keep arriving.
 */
public class OwnEventLog implements QuarkusTestResourceLifecycleManager {

    static final String PREFIX = "rebuild-" + UUID.randomUUID().toString().substring(0, 8) + ".";

    static String topic(String channel) {
        return PREFIX + channel;
    }

    @Override
    public Map<String, String> start() {
        createTopics(PREFIX);
        return Map.of(
                "mp.messaging.incoming.leads.topic", topic("leads"),
                "mp.messaging.incoming.visits.topic", topic("visits"),
                "mp.messaging.incoming.incentives.topic", topic("incentives"),
                "mp.messaging.incoming.emails.topic", topic("emails"),
                "mp.messaging.connector.smallrye-kafka.group.id", PREFIX + "analytics",
                "faro.rebuild.batch-size", "7",
                "faro.rebuild.swap-when-behind-at-most", "20");
    }

    @Override
    public void stop() {}

    /** The four funnel channels' topics under {@code prefix}, three partitions each. */
    static void createTopics(String prefix) {
        String bootstrap = TestInfrastructure.current().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(AnalyticsRebuild.CHANNELS.stream()
                            .map(channel -> new NewTopic(prefix + channel, 3, (short) 1))
                            .toList())
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the topics " + prefix + "*", e.getCause());
        }
    }
}
