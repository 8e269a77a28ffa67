package dev.faro.local.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's secrets (data-key wrapping, suppression hashing, link signing): random 256-bit values
 * created on first use in {@code <state>/secrets.properties}, readable by the owner only, and kept across
 * restarts, since data sealed or signed with them lives on in the database and the topics.
 */
final class LocalSecrets {

    /** Shared by lead-service, which seals personal data, and email-service, which needs the address. */
    static final String KEY_WRAPPING_KEY = "FARO_KEY_WRAPPING_KEY";

    static final String SUPPRESSION_PEPPER = "FARO_SUPPRESSION_PEPPER";
    static final String LINK_SIGNING_SECRET = "FARO_LINK_SIGNING_SECRET";

    private static final List<String> NAMES = List.of(KEY_WRAPPING_KEY, SUPPRESSION_PEPPER, LINK_SIGNING_SECRET);
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {}

    static Path file(Path stateDir) {
        return stateDir.resolve("secrets.properties");
    }

    /** Every secret by its environment variable name; the missing ones are created and saved. */
    static Map<String, String> ensure(Path stateDir) {
        Path file = file(stateDir);
        Properties stored = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            }
            boolean changed = false;
            for (String name : NAMES) {
                if (stored.getProperty(name, "").isBlank()) {
                    stored.setProperty(name, randomKey());
                    changed = true;
                }
            }
            if (changed) {
                save(file, stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the local secrets in " + file, e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        NAMES.forEach(name -> secrets.put(name, stored.getProperty(name)));
        return secrets;
    }

    private static void save(Path file, Properties secrets) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            secrets.store(
                    writer, "Faro local secrets: random, made on first use; deleting this file loses sealed data");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
