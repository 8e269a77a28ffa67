package dev.faro.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database (and owning role) of each service, as {@code ./faro} and the test infrastructure create them:
 * read from deploy/local's {@code FaroService}, which this module cannot depend on, so its source is the reference.
 */
final class PostgresDatabases {

    private static final Path FARO_SERVICE =
            Path.of("deploy/local/src/main/java/dev/faro/local/launcher/FaroService.java");
    private static final Pattern CONSTANT = Pattern.compile("\\b([A-Z]+)\\(\\s*\"([a-z-]+)\"\\s*,\\s*\\d+\\s*\\)");
    private static final String DATABASE_RULE = "return \"faro_\" + name().toLowerCase(Locale.ROOT);";

    private PostgresDatabases() {}

    /** Service directory → database name, e.g. {@code lead-service → faro_lead}. */
    static Map<String, String> byService() {
        String source = read(Repository.root().resolve(FARO_SERVICE));
        if (!source.contains(DATABASE_RULE)) {
            throw new IllegalStateException(FARO_SERVICE + " no longer names databases with `" + DATABASE_RULE
                    + "`: update PostgresDatabases to read the new rule");
        }
        Map<String, String> databases = new TreeMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            databases.put(constant.group(2), "faro_" + constant.group(1).toLowerCase(Locale.ROOT));
        }
        return databases;
    }

    static String of(String service) {
        String database = byService().get(service);
        if (database == null) {
            throw new AssertionError(FARO_SERVICE + " knows no service " + service);
        }
        return database;
    }

    /** The CloudNativePG cluster of a service: {@code lead-service → lead-postgres}. */
    static String cluster(String service) {
        return service.replaceFirst("-service$", "") + "-postgres";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
