package dev.faro.local.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the closest folder, from a starting point upwards, holding both {@code faro} and a pom. */
public final class RepoRoot {

    private RepoRoot() {}

    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("faro")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no Faro repository (a folder with ./faro and pom.xml) at or above " + start.toAbsolutePath());
    }

    public static Path locate() {
        return locate(Path.of(""));
    }
}
