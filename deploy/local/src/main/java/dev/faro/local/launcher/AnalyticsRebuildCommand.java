package dev.faro.local.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./faro rebuild-analytics}: asks analytics-service to recount its funnels from the beginning of the event log,
 * then follows the rebuild with a progress bar until it is done or has failed. If a rebuild is already running, it
 * follows that one.
 */
public final class AnalyticsRebuildCommand {

    static final String REBUILD_PATH = "/api/admin/analytics/rebuild";
    static final Duration POLL_INTERVAL = Duration.ofMillis(300);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int SUCCEEDED = 0;
    private static final int FAILED = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI analyticsUrl;
    private final String adminToken;
    private final String tokenOrigin;
    private final PrintStream out;
    private final ProgressBar progress;
    private final Duration pollInterval;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Progress as plain lines, as in a log: for callers that capture the output. */
    public AnalyticsRebuildCommand(URI analyticsUrl, String adminToken, PrintStream out) {
        this(analyticsUrl, adminToken, "the admin token", out, ProgressBar.forLog(ProgressBar.EMPTY), POLL_INTERVAL);
    }

    /** @param tokenOrigin where the token came from, for the message when the service refuses it */
    AnalyticsRebuildCommand(
            URI analyticsUrl,
            String adminToken,
            String tokenOrigin,
            PrintStream out,
            ProgressBar progress,
            Duration pollInterval) {
        this.analyticsUrl = analyticsUrl;
        this.adminToken = adminToken;
        this.tokenOrigin = tokenOrigin;
        this.out = out;
        this.progress = progress;
        this.pollInterval = pollInterval;
    }

    /** Against the stack {@code ./faro up} runs with {@code config}, with its admin token; returns the exit code. */
    static int run(StackConfig config, PrintStream out) {
        Path tokenFile = LocalAuth.adminTokenFile(config.stateDir());
        String tokenOrigin = "the admin token in " + display(tokenFile);
        String token;
        try {
            token = Files.readString(tokenFile).trim();
        } catch (NoSuchFileException e) {
            out.println("There is no admin token at " + display(tokenFile)
                    + ": has Faro been started here? Start it with ./faro up --detach.");
            return FAILED;
        } catch (IOException e) {
            out.println("Could not read " + display(tokenFile) + ": " + e.getMessage());
            return FAILED;
        }
        // 127.0.0.1 rather than localhost: the services listen on IPv4 loopback only.
        URI analytics = URI.create("http://127.0.0.1:" + config.port(FaroService.ANALYTICS));
        char emptyCell = ProgressBar.emptyCellFor(outputCharset());
        ProgressBar progress = outputIsTerminal() ? ProgressBar.forTerminal(emptyCell) : ProgressBar.forLog(emptyCell);
        return new AnalyticsRebuildCommand(analytics, token, tokenOrigin, out, progress, POLL_INTERVAL).run();
    }

    /** Starts or joins a rebuild and follows it to its end: 0 when done, 1 when it failed or could not be followed. */
    public int run() {
        Instant began = Instant.now();
        try {
            RebuildStatus status = startOrJoin();
            while (true) {
                out.print(progress.update(status));
                out.flush();
                if (status.isFinal()) {
                    break;
                }
                Thread.sleep(pollInterval.toMillis());
                status = statusIn(send("GET"), 200);
            }
            out.print(progress.finishLine());
            if (status.isFailed()) {
                String reason = status.error() == null ? "no reason given" : status.error();
                out.println("Analytics rebuild failed: " + reason);
                return FAILED;
            }
            out.println(ProgressBar.rebuilt(status, status.duration().orElse(Duration.between(began, Instant.now()))));
            return SUCCEEDED;
        } catch (UnexpectedAnswer e) {
            return fail(e.getMessage());
        } catch (HttpTimeoutException e) {
            return fail("analytics-service at " + analyticsUrl + " did not answer within " + REQUEST_TIMEOUT.toSeconds()
                    + " s; see its log.");
        } catch (IOException e) {
            return fail("Could not reach analytics-service at " + analyticsUrl
                    + ". Is Faro running? Start it with ./faro up --detach.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while following the rebuild; it goes on in analytics-service.");
        }
    }

    private RebuildStatus startOrJoin() throws IOException, InterruptedException {
        HttpResponse<String> started = send("POST");
        if (started.statusCode() == 409) {
            out.println("A rebuild is already running (" + problemText(started) + "); following it.");
            return statusIn(send("GET"), 200);
        }
        return statusIn(started, 202);
    }

    private HttpResponse<String> send(String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(analyticsUrl.resolve(REBUILD_PATH))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private RebuildStatus statusIn(HttpResponse<String> response, int expectedStatus) {
        int status = response.statusCode();
        String request = response.request().method() + " " + REBUILD_PATH;
        if (status == 401 || status == 403) {
            throw new UnexpectedAnswer("analytics-service refused " + tokenOrigin + " (HTTP " + status + " to "
                    + request + "). Restart Faro (./faro down, ./faro up --detach) to get a fresh one.");
        }
        if (status == 404 && "POST".equals(response.request().method())) {
            throw new UnexpectedAnswer("analytics-service has no rebuild endpoint (HTTP 404 to " + request
                    + "): it was built before it had one. Rebuild it (./mvnw package) and restart Faro.");
        }
        if (status != expectedStatus) {
            throw new UnexpectedAnswer(
                    "analytics-service answered HTTP " + status + " to " + request + ": " + problemText(response));
        }
        try {
            return RebuildStatus.fromJson(JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new UnexpectedAnswer("analytics-service answered " + request
                    + " with something other than a rebuild status: " + shortened(response.body()));
        }
    }

    /** The title and detail of a problem+json answer, or the start of whatever else it was. */
    private static String problemText(HttpResponse<String> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            String title = problem.path("title").asText("");
            String detail = problem.path("detail").asText("");
            if (!title.isEmpty() || !detail.isEmpty()) {
                return title.isEmpty() || detail.isEmpty() ? title + detail : title + ": " + detail;
            }
        } catch (JsonProcessingException notJson) {
            // shown as it is below
        }
        return response.body().isBlank() ? "no details given" : shortened(response.body());
    }

    private int fail(String message) {
        out.print(progress.finishLine());
        out.println(message);
        out.flush();
        return FAILED;
    }

    private static String shortened(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    /** Before Java 22 a console exists only on a terminal; from 22 on there is one even when output is redirected. */
    private static boolean outputIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJava22) {
            return true;
        }
    }

    private static Charset outputCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    private static Path display(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path) : path;
    }

    /** The service refused, or answered what the command cannot follow: the message says which, for the operator. */
    private static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message);
        }
    }
}
