package dev.faro.local.launcher;

import dev.faro.local.auth.JwtSigner;
import dev.faro.local.auth.JwtVerifier;
import dev.faro.local.auth.RsaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The local stack's token issuer: an RSA key pair in {@code <state>/jwt/} the services verify against, and a
 * long-lived admin token in {@code <state>/admin-token} for curl and the browser.
 */
final class LocalAuth {

    static final String ISSUER = "faro-local";
    static final String ADMIN_SUBJECT = "admin@faro.local";
    static final List<String> ADMIN_GROUPS = List.of("admin", "marketer");
    private static final Duration ADMIN_VALIDITY = Duration.ofDays(365);
    /** A token that would expire during a working session is replaced now rather than fail mid-demo. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(1);

    private LocalAuth() {}

    static Path keyDirectory(Path stateDir) {
        return stateDir.resolve("jwt");
    }

    static Path publicKey(Path stateDir) {
        return keyDirectory(stateDir).resolve(RsaKeys.PUBLIC_FILE);
    }

    static Path adminTokenFile(Path stateDir) {
        return stateDir.resolve("admin-token");
    }

    /** Creates the keys on first use; writes a fresh admin token when there is none, or it is expiring or foreign. */
    static void ensure(Path stateDir) {
        RsaKeys keys = RsaKeys.loadOrCreate(keyDirectory(stateDir));
        Path tokenFile = adminTokenFile(stateDir);
        try {
            if (Files.isRegularFile(tokenFile)
                    && new JwtVerifier(keys.publicKey())
                            .isValidUntil(
                                    Files.readString(tokenFile), Instant.now().plus(RENEW_BEFORE))) {
                return;
            }
            String token = new JwtSigner(keys.privateKey())
                    .token(ISSUER, ADMIN_SUBJECT, ADMIN_GROUPS, Instant.now(), ADMIN_VALIDITY);
            Files.writeString(tokenFile, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + tokenFile, e);
        }
    }
}
