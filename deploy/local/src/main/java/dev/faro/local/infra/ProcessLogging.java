package dev.faro.local.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logging for the JVMs ./faro runs on faro-local's classpath (the supervisor and the Kafka broker). That classpath
 * carries two SLF4J bindings: Quarkus's JBoss LogManager one, which prints nothing until a Quarkus app configures it,
 * and slf4j-simple, which these JVMs select explicitly.
 */
public final class ProcessLogging {

    private ProcessLogging() {}

    /** {@code -D} options for a child JVM that should log at {@code level} to its standard output. */
    public static List<String> childJvmOptions(String level) {
        return properties(level).entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    /** Applies the same settings to this JVM; call first thing in main, before anything logs. */
    public static void configureThisJvm(String level) {
        properties(level).forEach(System::setProperty);
    }

    private static Map<String, String> properties(String level) {
        Map<String, String> p = new LinkedHashMap<>();
        // Without it, the JBoss jar's System.Logger finder complains on first use.
        p.put("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        p.put("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        // Otherwise SLF4J announces the explicitly chosen provider on every start.
        p.put("slf4j.internal.verbosity", "WARN");
        p.put("org.slf4j.simpleLogger.defaultLogLevel", level);
        p.put("org.slf4j.simpleLogger.showDateTime", "true");
        p.put("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        p.put("org.slf4j.simpleLogger.logFile", "System.out");
        return p;
    }
}
