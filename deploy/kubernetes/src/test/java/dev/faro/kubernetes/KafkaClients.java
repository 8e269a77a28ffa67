package dev.faro.kubernetes;

import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a service does with Kafka, read from its own configuration and sources: the topics its channels consume, the
 * consumer groups they join, and the topics of the events its code creates (a service builds an event record only
 * to publish it, through its outbox or, for visits, a producer of its own).
 */
final class KafkaClients {

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\..+");

    private KafkaClients() {}

    /** The channels of {@code mp.messaging.incoming.<channel>.*}. */
    static Set<String> incomingChannels(ServiceConfig config) {
        return config.all().keySet().stream()
                .map(INCOMING::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The topics the service consumes, plus the campaign topic where the campaign view is on. */
    static Set<String> consumedTopics(ServiceConfig config) {
        Set<String> topics = incomingChannels(config).stream()
                .map(channel -> config.get("mp.messaging.incoming." + channel + ".topic")
                        .orElse(channel))
                .collect(Collectors.toCollection(TreeSet::new));
        if (config.get("faro.campaign-view.enabled").map(Boolean::parseBoolean).orElse(false)) {
            topics.add(Topics.CAMPAIGNS.name());
        }
        return topics;
    }

    /**
     * The consumer group of every incoming channel: its own {@code group.id}, else the connector's, else Kafka's
     * default, else (as Quarkus does) the application name.
     */
    static Set<String> consumerGroups(ServiceConfig config) {
        return incomingChannels(config).stream()
                .map(channel -> config.get("mp.messaging.incoming." + channel + ".group.id")
                        .or(() -> config.get("mp.messaging.connector.smallrye-kafka.group.id"))
                        .or(() -> config.get("kafka.group.id"))
                        .or(() -> config.get("quarkus.application.name"))
                        .orElseThrow(() -> new AssertionError(
                                config.service() + "'s channel " + channel + " has no consumer group")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The topics of the event records the service's main sources construct. */
    static Set<String> topicsOfCreatedEvents(String service) {
        String sources = mainSources(service);
        return Arrays.stream(EventType.values())
                .filter(type -> Pattern.compile("\\bnew\\s+" + type.dataClass().getSimpleName() + "\\s*\\(")
                        .matcher(sources)
                        .find())
                .map(type -> type.topic().name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every Java source under the service's {@code src/main/java}, concatenated. */
    static String mainSources(String service) {
        Path root = Repository.root().resolve(service).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .map(KafkaClients::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
