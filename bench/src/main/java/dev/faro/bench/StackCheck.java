package dev.faro.bench;

import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Whether every service of the local stack answers ready, before any load is sent to it. */
final class StackCheck {

    private StackCheck() {}

    /** The services that are not ready, each with what it answered; empty when all are. */
    static List<String> notReady(StackConfig stack) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> problems = new ArrayList<>();
        for (FaroService service : FaroService.values()) {
            URI ready = URI.create("http://127.0.0.1:" + stack.port(service) + "/q/health/ready");
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    problems.add(service.directory() + " answered " + response.statusCode() + " on " + ready);
                }
            } catch (IOException e) {
                problems.add(service.directory() + " does not answer on " + ready + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        return problems;
    }
}
