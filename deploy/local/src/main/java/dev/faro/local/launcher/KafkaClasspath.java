package dev.faro.local.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath for the Kafka broker's JVM: faro-local's classes and runtime dependencies, as {@code ./faro} uses them.
 * The system test runs from Maven, whose test classpath may be a single manifest jar; the build's classpath.txt is
 * the same list without depending on how the current JVM was started.
 */
final class KafkaClasspath {

    private KafkaClasspath() {}

    static String resolve(Path repoRoot) {
        Path target = repoRoot.resolve("deploy/local").resolve(StackConfig.buildFolder());
        Path list = target.resolve("classpath.txt");
        if (Files.isRegularFile(list) && Files.isDirectory(target.resolve("classes"))) {
            try {
                return target.resolve("classes")
                        + File.pathSeparator
                        + Files.readString(list).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return System.getProperty("java.class.path");
    }
}
