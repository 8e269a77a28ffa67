package dev.faro.local.infra;

import java.nio.file.Path;

/**
 * Where and how to run the embedded PostgreSQL.
 *
 * @param persistent keep the data directory on close (./faro) instead of deleting it (tests)
 * @param logFile where the server writes its output
 */
public record PostgresSettings(Path dataDirectory, int port, boolean persistent, Path logFile) {}
