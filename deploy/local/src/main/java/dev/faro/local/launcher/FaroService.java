package dev.faro.local.launcher;

import java.util.Locale;

/** The four deployables ./faro runs, each in its own folder of the repository and with its own database. */
public enum FaroService {
    LEAD("lead-service", 8081),
    INCENTIVE("incentive-service", 8082),
    EMAIL("email-service", 8083),
    ANALYTICS("analytics-service", 8084);

    private final String directory;
    private final int defaultPort;

    FaroService(String directory, int defaultPort) {
        this.directory = directory;
        this.defaultPort = defaultPort;
    }

    /** The service's folder under the repository root, also its name in logs, pid file and messages. */
    public String directory() {
        return directory;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** {@code faro_lead}, ...; the role that owns it has the same name. */
    public String database() {
        return "faro_" + name().toLowerCase(Locale.ROOT);
    }

    /** {@code FARO_PUBLIC_URL_LEAD}, ...: how every service is told where the others are. */
    public String publicUrlVariable() {
        return "FARO_PUBLIC_URL_" + name();
    }
}
