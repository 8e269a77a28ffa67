package dev.faro.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the Faro repository, found from wherever Maven runs this module's tests. */
final class Repository {

    private Repository() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("faro")) && Files.isDirectory(dir.resolve("contract"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "not inside the Faro repository: " + Path.of("").toAbsolutePath());
    }

    static Path kubernetes() {
        return root().resolve("deploy/kubernetes");
    }

    static Path overlay(String name) {
        return kubernetes().resolve("overlays").resolve(name);
    }
}
