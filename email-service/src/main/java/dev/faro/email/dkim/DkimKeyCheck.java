package dev.faro.email.dkim;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with a DKIM key the mailer would misread. The mailer decodes the key as bare base64, so a PEM
 * file's {@code -----BEGIN PRIVATE KEY-----} line becomes part of the key and startup fails with only "invalid key
 * format"; this says what to do instead. Runs before the sender (and with it the mailer) is created.
 */
@ApplicationScoped
class DkimKeyCheck {

    static final String PEM_ARMOUR = "-----";

    private final boolean enabled;
    private final Optional<String> privateKey;
    private final Optional<String> privateKeyPath;

    DkimKeyCheck(
            @ConfigProperty(name = "quarkus.mailer.dkim.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.mailer.dkim.private-key") Optional<String> privateKey,
            @ConfigProperty(name = "quarkus.mailer.dkim.private-key-path") Optional<String> privateKeyPath) {
        this.enabled = enabled;
        this.privateKey = privateKey;
        this.privateKeyPath = privateKeyPath;
    }

    void check(@Observes @Priority(1) StartupEvent startup) {
        if (!enabled) {
            return;
        }
        String key = privateKey.orElseGet(
                () -> privateKeyPath.map(DkimKeyCheck::read).orElse(null));
        problemWith(key).ifPresent(problem -> {
            throw new IllegalStateException("DKIM signing is enabled but " + problem);
        });
    }

    /** What is wrong with the configured key, if anything the mailer cannot say clearly. */
    static Optional<String> problemWith(String key) {
        if (key == null || key.isBlank()) {
            return Optional.of("no private key is set: set FARO_DKIM_PRIVATE_KEY or FARO_DKIM_PRIVATE_KEY_PATH");
        }
        if (key.contains(PEM_ARMOUR)) {
            return Optional.of("the private key still has its PEM lines: give only the base64 between "
                    + "-----BEGIN PRIVATE KEY----- and -----END PRIVATE KEY----- (an RSA key in PKCS#8)");
        }
        return Optional.empty();
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DKIM private key at " + path, e);
        }
    }
}
