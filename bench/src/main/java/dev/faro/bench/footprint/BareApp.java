package dev.faro.bench.footprint;

import dev.faro.local.launcher.FaroService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/bare-app}: a Quarkus app with a service's extensions and no Faro code, in two builds, one per extension
 * set the services have. Built by each run, so the baseline and the services share the Quarkus version and JDK.
 */
enum BareApp {
    /** faro-service-support's extensions, arc and container-image-jib: lead-, incentive- and analytics-service. */
    CORE("target", List.of()),
    /** The same plus quarkus-mailer: email-service. */
    MAILER("target-mailer", List.of("-Pmailer"));

    private static final long BUILD_TIMEOUT_MINUTES = 10;

    private final String buildFolder;
    private final List<String> mavenArguments;

    BareApp(String buildFolder, List<String> mavenArguments) {
        this.buildFolder = buildFolder;
        this.mavenArguments = mavenArguments;
    }

    static BareApp forService(FaroService service) {
        return service == FaroService.EMAIL ? MAILER : CORE;
    }

    String label() {
        return this == CORE ? "bare-app" : "bare-app-mailer";
    }

    String describe() {
        return this == CORE
                ? "bare Quarkus app, same extensions (faro-service-support's, arc, jib)"
                : "bare Quarkus app, same extensions (faro-service-support's, arc, jib, mailer)";
    }

    Path jar(Path repoRoot) {
        return repoRoot.resolve("bench/bare-app").resolve(buildFolder).resolve("quarkus-app/quarkus-run.jar");
    }

    /** Packages this build with the repository's Maven wrapper; its output goes to {@code log}. */
    void build(Path repoRoot, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                repoRoot.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-f",
                "bench/bare-app/pom.xml",
                "package",
                "-DskipTests"));
        command.addAll(mavenArguments);
        Process maven = new ProcessBuilder(command)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!maven.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new IllegalStateException("building " + label() + " took over " + BUILD_TIMEOUT_MINUTES + " min");
        }
        if (maven.exitValue() != 0) {
            throw new IllegalStateException("building " + label() + " failed; see " + log);
        }
    }
}
