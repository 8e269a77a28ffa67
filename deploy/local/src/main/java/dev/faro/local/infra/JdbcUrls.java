package dev.faro.local.infra;

/** Rewrites PostgreSQL JDBC URLs. */
public final class JdbcUrls {

    private static final String PREFIX = "jdbc:postgresql://";

    private JdbcUrls() {}

    /** The same server, and the same parameters, with another database: {@code jdbc:postgresql://h:5432/x?ssl=true}. */
    public static String withDatabase(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        int hostsEnd = indexOfAny(jdbcUrl, PREFIX.length(), "/?");
        String hosts = jdbcUrl.substring(0, hostsEnd);
        int queryStart = jdbcUrl.indexOf('?', hostsEnd);
        String query = queryStart < 0 ? "" : jdbcUrl.substring(queryStart);
        return hosts + "/" + database + query;
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
