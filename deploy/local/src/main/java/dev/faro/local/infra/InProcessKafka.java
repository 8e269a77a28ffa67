package dev.faro.local.infra;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/** A KRaft broker running inside this JVM, for tests. */
public final class InProcessKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final KafkaSettings settings;

    private InProcessKafka(KafkaRaftServer server, KafkaSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    public static InProcessKafka start(KafkaSettings settings) {
        // A fatal broker error would otherwise end the whole test JVM, hiding which test was running.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("in-process Kafka asked to exit(" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("in-process Kafka asked to halt(" + code + "): " + message);
        });
        String clusterId = KafkaStorage.prepare(settings);
        format(settings, clusterId);
        KafkaRaftServer server =
                new KafkaRaftServer(KafkaConfig.fromProps(settings.serverProperties(), false), Time.SYSTEM);
        server.startup();
        InProcessKafka kafka = new InProcessKafka(server, settings);
        try {
            KafkaAdmin.awaitBroker(settings.bootstrapServers(), Duration.ofSeconds(60), () -> true);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private static void format(KafkaSettings settings, String clusterId) {
        // execute(), not main(): main() calls System.exit.
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(KafkaStorage.formatArguments(settings, clusterId), out);
        } catch (Exception e) {
            throw new IllegalStateException("formatting Kafka storage in " + settings.dataDirectory() + " failed", e);
        }
        if (status != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + settings.dataDirectory() + " failed ("
                    + status + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
