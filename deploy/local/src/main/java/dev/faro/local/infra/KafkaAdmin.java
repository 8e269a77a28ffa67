package dev.faro.local.infra;

import dev.faro.contract.TopicSpec;
import dev.faro.contract.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Waits for a broker and creates the contract's topics on it. */
public final class KafkaAdmin {

    private KafkaAdmin() {}

    /**
     * Polls until the broker answers a metadata request.
     *
     * @param stillStarting false once the broker can no longer come up (its process died), to fail fast
     */
    public static void awaitBroker(String bootstrapServers, Duration timeout, BooleanSupplier stillStarting) {
        Instant deadline = Instant.now().plus(timeout);
        // Until the listener is open an admin client only logs a warning per retry, so wait for the socket first.
        awaitListening(bootstrapServers.split(",")[0].trim(), deadline, stillStarting);
        Exception last = null;
        try (Admin admin = Admin.create(config(bootstrapServers))) {
            while (Instant.now().isBefore(deadline)) {
                if (!stillStarting.getAsBoolean()) {
                    throw new IllegalStateException("Kafka stopped while starting");
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                    pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                }
            }
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + timeout, last);
    }

    private static void awaitListening(String hostAndPort, Instant deadline, BooleanSupplier stillStarting) {
        int colon = hostAndPort.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(
                hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
        while (Instant.now().isBefore(deadline)) {
            if (!stillStarting.getAsBoolean()) {
                throw new IllegalStateException("Kafka stopped while starting");
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, 1000);
                return;
            } catch (IOException e) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates every topic {@link Topics#all()} declares; topics that already exist are left as they are. */
    public static void createTopics(String bootstrapServers) {
        createTopics(bootstrapServers, Topics.all());
    }

    public static void createTopics(String bootstrapServers, List<TopicSpec> specs) {
        try (Admin admin = Admin.create(config(bootstrapServers))) {
            // Replication follows the broker's default, so the same code serves a one-node broker and a cluster.
            List<NewTopic> topics = specs.stream()
                    .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                            .configs(spec.config()))
                    .toList();
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("timed out creating topic " + result.getKey(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topics", e);
                }
            }
            awaitLeaders(admin, specs.stream().map(TopicSpec::name).toList());
        }
    }

    /** A new topic is usable once each partition has a leader; until then producers get retriable errors. */
    private static void awaitLeaders(Admin admin, List<String> topics) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try {
                boolean allLed =
                        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                                .flatMap(topic -> topic.partitions().stream())
                                .allMatch(partition -> partition.leader() != null
                                        && !partition.leader().isEmpty());
                if (allLed) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not yet: metadata for new topics propagates asynchronously
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic leaders", e);
            }
            pause();
        }
        throw new IllegalStateException("topics " + topics + " have partitions without a leader after 30 s");
    }

    private static Map<String, Object> config(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "faro-local-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30000);
    }
}
