package dev.faro.local.infra;

import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node KRaft broker that is also its own controller, listening on loopback only.
 *
 * @param directory holds the server properties, the cluster id and, under {@code data}, the log
 */
public record KafkaSettings(Path directory, int brokerPort, int controllerPort) {

    private static final String HOST = "127.0.0.1";

    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    public Path dataDirectory() {
        return directory.resolve("data");
    }

    public Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    public Properties serverProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.setProperty(
                "listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDirectory().toAbsolutePath().toString());
        // Topics come from the contract only; a typo in a service's channel config must fail, not create a topic.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
