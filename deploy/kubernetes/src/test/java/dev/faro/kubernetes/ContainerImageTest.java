package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The images the manifests run are the ones the services' Jib configuration builds, at a version that exists. */
class ContainerImageTest {

    private static final Pattern PROJECT_VERSION =
            Pattern.compile("<artifactId>faro-parent</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    static Stream<Arguments> servicesInOverlays() {
        return Manifests.OVERLAYS.stream()
                .flatMap(overlay -> ServiceConfig.SERVICES.stream().map(service -> Arguments.of(overlay, service)));
    }

    static Stream<String> services() {
        return ServiceConfig.SERVICES.stream();
    }

    static Stream<String> overlays() {
        return Manifests.OVERLAYS.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void theDeploymentRunsTheImageItsServiceBuilds(String overlay, String service) {
        ServiceConfig config = ServiceConfig.of(service);
        String built = String.join(
                "/",
                config.get("quarkus.container-image.registry").orElseThrow(() -> missing(service, "registry")),
                config.get("quarkus.container-image.group").orElseThrow(() -> missing(service, "group")),
                config.get("quarkus.container-image.name").orElseThrow(() -> missing(service, "name")));
        JsonNode deployment = ServiceDeployments.deployment(Manifests.of(overlay), service);
        String image =
                ServiceDeployments.mainContainer(deployment).path("image").asText();

        assertThat(repository(image))
                .as("%s %s image", overlay, Manifests.describe(deployment))
                .isEqualTo(built);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void jibBuildsTheImageOnlyWhenAskedTo(String service) throws IOException {
        String pom = Files.readString(Repository.root().resolve(service).resolve("pom.xml"));

        assertThat(pom).as(service + "/pom.xml").contains("<artifactId>quarkus-container-image-jib</artifactId>");
        assertThat(pom)
                .as(service + "/pom.xml: one container-image extension only")
                .doesNotContain(
                        "quarkus-container-image-docker",
                        "quarkus-container-image-buildpack",
                        "quarkus-container-image-podman",
                        "quarkus-container-image-openshift");
        // CI has no registry: an image is built (and pushed) only with -Dquarkus.container-image.build=true.
        assertThat(ServiceConfig.of(service).get("quarkus.container-image.build"))
                .as("%s: quarkus.container-image.build", service)
                .contains("false");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void allServicesRunOneVersionThatTheBuildMakesOrReleased(String overlay) throws IOException {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> tags = new TreeMap<>();
        for (String service : ServiceConfig.SERVICES) {
            String image = ServiceDeployments.mainContainer(ServiceDeployments.deployment(manifests, service))
                    .path("image")
                    .asText();
            tags.put(service, image.substring(repository(image).length() + 1));
        }
        assertThat(tags.values().stream().distinct())
                .as(overlay + " image tags " + tags)
                .hasSize(1);
        String tag = tags.values().iterator().next();
        String version = projectVersion();

        if (overlay.equals("dev")) {
            // Jib tags an image with the project version, so dev runs what `./mvnw package` of this tree pushes.
            assertThat(tag).as("dev image tag").isEqualTo(version);
        } else {
            Matcher release = RELEASE.matcher(tag);
            assertThat(release.matches())
                    .as(overlay + " image tag " + tag + " is a release")
                    .isTrue();
            Matcher current = RELEASE.matcher(version.replace("-SNAPSHOT", ""));
            assertThat(current.matches()).as("project version " + version).isTrue();
            assertThat(compare(release, current))
                    .as(overlay + " tag " + tag + " is not newer than " + version)
                    .isLessThanOrEqualTo(0);
        }
    }

    private static String repository(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash);
        int at = image.indexOf('@', slash);
        int end = at >= 0 ? at : colon >= 0 ? colon : image.length();
        return image.substring(0, end);
    }

    private static String projectVersion() throws IOException {
        Path pom = Repository.root().resolve("deploy/kubernetes/pom.xml");
        Matcher m = PROJECT_VERSION.matcher(Files.readString(pom));
        assertThat(m.find()).as("parent version in " + pom).isTrue();
        return m.group(1);
    }

    private static int compare(Matcher a, Matcher b) {
        for (int group = 1; group <= 3; group++) {
            int c = Integer.compare(Integer.parseInt(a.group(group)), Integer.parseInt(b.group(group)));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static AssertionError missing(String service, String key) {
        return new AssertionError(service + " sets no quarkus.container-image." + key);
    }
}
