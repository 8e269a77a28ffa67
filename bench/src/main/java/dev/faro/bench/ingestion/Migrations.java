package dev.faro.bench.ingestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flyway-style migration files ({@code V1__x.sql}, {@code V0_1__y.sql}) of a folder, in version order, so the
 * scratch database gets exactly the tables and indexes the service's own migrations build.
 */
final class Migrations {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    private Migrations() {}

    static List<Path> inOrder(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(file ->
                            VERSIONED.matcher(file.getFileName().toString()).matches())
                    .forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no migrations in " + folder);
        }
        files.sort(Comparator.comparing(file -> version(file.getFileName().toString()), Migrations::compare));
        return files;
    }

    static int[] version(String fileName) {
        Matcher matcher = VERSIONED.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a versioned migration: " + fileName);
        }
        return Arrays.stream(matcher.group(1).split("[._]"))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
