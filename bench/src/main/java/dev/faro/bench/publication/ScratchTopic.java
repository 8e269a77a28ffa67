package dev.faro.bench.publication;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** A topic that exists for one measurement, with the partitions of Faro's event topics, deleted afterwards. */
final class ScratchTopic implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final String name;

    private ScratchTopic(Admin admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    /** Creates the topic afresh: one left over from an interrupted run is deleted first, so it starts empty. */
    static ScratchTopic create(String bootstrap, String name, int partitions) throws Exception {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        try {
            deleteIfPresent(admin, name);
            createWhenDeletionDone(admin, new NewTopic(name, partitions, (short) 1));
            return new ScratchTopic(admin, name);
        } catch (Exception e) {
            admin.close(TIMEOUT);
            throw e;
        }
    }

    String name() {
        return name;
    }

    private static void deleteIfPresent(Admin admin, String name) throws Exception {
        Set<String> names = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (names.contains(name)) {
            admin.deleteTopics(List.of(name)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Topic deletion completes asynchronously in the broker; creation fails until it has. */
    private static void createWhenDeletionDone(Admin admin, NewTopic topic) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            admin.deleteTopics(List.of(name)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            admin.close(TIMEOUT);
        }
    }
}
