package dev.faro.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;

/** Writes the broker's properties and keeps its cluster id, so a restart on the same directory finds its data. */
final class KafkaStorage {

    private KafkaStorage() {}

    /** Writes server.properties and returns the cluster id (created on first use). */
    static String prepare(KafkaSettings settings) {
        try {
            Files.createDirectories(settings.dataDirectory());
            try (Writer out = Files.newBufferedWriter(settings.propertiesFile(), StandardCharsets.UTF_8)) {
                settings.serverProperties().store(out, "Written by faro-local on every start");
            }
            Path idFile = settings.directory().resolve("cluster-id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, Uuid.randomUuid().toString());
            }
            return Files.readString(idFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Kafka in " + settings.directory(), e);
        }
    }

    /** StorageTool arguments that format the log directory once and are a no-op afterwards. */
    static String[] formatArguments(KafkaSettings settings, String clusterId) {
        return new String[] {
            "format", "--config", settings.propertiesFile().toString(), "--cluster-id", clusterId, "--ignore-formatted"
        };
    }

    static boolean isFormatted(KafkaSettings settings) {
        return Files.exists(settings.dataDirectory().resolve("meta.properties"));
    }
}
