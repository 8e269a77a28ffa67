package dev.faro.bench.cpu;

/**
 * What a child of PostgreSQL's postmaster is, from the title it sets in its command line: a backend serving one
 * database ({@code postgres: faro_lead faro_lead 127.0.0.1(60050) idle}) or a background process
 * ({@code postgres: walwriter}).
 */
final class PostgresProcessTitle {

    private static final String PREFIX = "postgres: ";

    private PostgresProcessTitle() {}

    /** "backends of faro_lead", "walwriter", …; "other" for a title PostgreSQL did not set. */
    static String label(String cmdline) {
        String title = cmdline.replace('\0', ' ').trim();
        if (!title.startsWith(PREFIX)) {
            return "other";
        }
        String[] words = title.substring(PREFIX.length()).trim().split("\\s+");
        // a backend's title is: user database client-address activity
        if (words.length >= 3 && (words[2].matches(".*\\(\\d+\\)") || words[2].equals("[local]"))) {
            return "backends of " + words[1];
        }
        return String.join(" ", words);
    }
}
