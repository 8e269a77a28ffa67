package dev.faro.local.testing;

import java.util.HashMap;
import java.util.Map;

/** The real database and SMTP server, with Kafka at a loopback port where nothing listens. */
public class FaroInfrastructureWithoutKafka extends FaroInfrastructure {

    /** Refuses connections at once: port 1 (tcpmux) is not served on these machines. */
    public static final String UNREACHABLE_BROKER = "127.0.0.1:1";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("kafka.bootstrap.servers", UNREACHABLE_BROKER);
        return config;
    }
}
