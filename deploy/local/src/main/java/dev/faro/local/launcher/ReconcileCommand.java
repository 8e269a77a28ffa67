package dev.faro.local.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code ./faro reconcile}: asks lead-service to follow every lead captured in a window through the other services
 * and prints what it found. Exit code 0 when every acknowledged lead is accounted for, 1 on any discrepancy or when
 * the check could not be completed, 2 for a command line it does not understand. With {@code --wait} it asks again
 * until the answer is clean or the time is up, for use right after an incident or a test's faults.
 */
public final class ReconcileCommand {

    static final String PATH = "/api/admin/reconciliation";
    public static final int CLEAN = 0;
    public static final int NOT_CLEAN = 1;
    public static final int USAGE = 2;
    static final String USAGE_TEXT =
            """
            usage: ./faro reconcile [--since 24h | --from INSTANT] [--to INSTANT] [--grace 1m] [--wait 0s]
              --since   how far back the window starts (s, m, h or d; default 24h)
              --from    the window's start instead, an ISO-8601 instant such as 2026-11-27T10:00:00Z
              --to      the window's end (default: now)
              --grace   leads younger than this are in flight and not checked (default 1m)
              --wait    ask again every 2 s until clean or this much time has passed (default: ask once)""";
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    private static final int SHOWN = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to reconcile, from the command line. */
    public record Options(Instant from, Instant to, Duration grace, Duration patience) {

        /** Parses the arguments after {@code reconcile}; throws {@link IllegalArgumentException} with the reason. */
        public static Options parse(String[] args, Clock clock) {
            Instant now = clock.instant();
            Instant from = null;
            Duration since = Duration.ofHours(24);
            Instant to = now;
            Duration grace = Duration.ofMinutes(1);
            Duration wait = Duration.ZERO;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--since" -> since = duration(option, value);
                    case "--from" -> from = instant(option, value);
                    case "--to" -> to = instant(option, value);
                    case "--grace" -> grace = duration(option, value);
                    case "--wait" -> wait = duration(option, value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return new Options(from != null ? from : now.minus(since), to, grace, wait);
        }

        /** {@code 90s}, {@code 15m}, {@code 24h}, {@code 7d}, or an ISO-8601 duration. */
        static Duration duration(String option, String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.startsWith("p")) {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        option + " takes a duration such as 90s, 15m, 24h or 7d, not " + value);
            }
        }

        private static Instant instant(String option, String value) {
            try {
                return Instant.parse(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        option + " takes an instant such as 2026-11-27T10:00:00Z, not " + value);
            }
        }
    }

    private final URI leadUrl;
    private final String adminToken;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ReconcileCommand(URI leadUrl, String adminToken, PrintStream out) {
        this.leadUrl = leadUrl;
        this.adminToken = adminToken;
        this.out = out;
    }

    /** Against the stack {@code ./faro up} runs with {@code config}, with its admin token; returns the exit code. */
    static int run(StackConfig config, String[] args, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE_TEXT);
            return USAGE;
        }
        Path tokenFile = LocalAuth.adminTokenFile(config.stateDir());
        String token;
        try {
            token = Files.readString(tokenFile).trim();
        } catch (NoSuchFileException e) {
            out.println("There is no admin token at " + tokenFile + ": start Faro with ./faro up --detach.");
            return NOT_CLEAN;
        } catch (IOException e) {
            out.println("Could not read " + tokenFile + ": " + e.getMessage());
            return NOT_CLEAN;
        }
        URI lead = URI.create("http://127.0.0.1:" + config.port(FaroService.LEAD));
        return new ReconcileCommand(lead, token, out).run(options);
    }

    /** Reconciles, asking again while not clean until {@code options.patience()} has passed; returns the exit code. */
    public int run(Options options) {
        Instant giveUpAt = Instant.now().plus(options.patience());
        try {
            while (true) {
                JsonNode report = ask(options);
                boolean clean = report.path("clean").asBoolean(false);
                if (clean || !Instant.now().plus(RETRY_EVERY).isBefore(giveUpAt)) {
                    print(report);
                    return clean ? CLEAN : NOT_CLEAN;
                }
                Thread.sleep(RETRY_EVERY.toMillis());
            }
        } catch (UnexpectedAnswer e) {
            out.println(e.getMessage());
        } catch (HttpTimeoutException e) {
            out.println("lead-service did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s; see its log.");
        } catch (IOException e) {
            out.println("Could not reach lead-service at " + leadUrl
                    + ". Is Faro running? Start it with ./faro up --detach.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("Interrupted.");
        }
        return NOT_CLEAN;
    }

    private JsonNode ask(Options options) throws IOException, InterruptedException {
        String query = "?from=" + encode(options.from().toString()) + "&to="
                + encode(options.to().toString()) + "&grace="
                + encode(options.grace().toString());
        HttpRequest request = HttpRequest.newBuilder(leadUrl.resolve(PATH + query))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new UnexpectedAnswer("lead-service refused the admin token (HTTP " + response.statusCode()
                    + "). Restart Faro (./faro down, ./faro up --detach) to get a fresh one.");
        }
        if (response.statusCode() != 200) {
            throw new UnexpectedAnswer(
                    "lead-service answered HTTP " + response.statusCode() + ": " + shortened(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new UnexpectedAnswer(
                    "lead-service answered something other than a reconciliation: " + shortened(response.body()));
        }
    }

    private void print(JsonNode report) {
        JsonNode totals = report.path("totals");
        out.println("Leads captured from " + report.path("from").asText() + " to "
                + report.path("to").asText() + ", checked at "
                + report.path("checkedAt").asText() + ":");
        out.println("  " + totals.path("leads").asLong() + " leads ("
                + totals.path("inFlight").asLong() + " in flight, not checked; "
                + totals.path("pending").asLong() + " awaiting confirmation)");
        out.println("  " + totals.path("incentivesIssued").asLong() + " incentives issued, "
                + totals.path("incentivesRefused").asLong() + " refused by an offer's rule");
        out.println("  " + totals.path("emailsSent").asLong() + " incentive emails sent, "
                + totals.path("emailsNotSent").asLong() + " failed, suppressed or cancelled");
        out.println("  " + totals.path("deadLettered").asLong() + " records dead-lettered since the window began");
        for (JsonNode unavailable : report.path("unavailable")) {
            out.println("Could not check: " + unavailable.path("source").asText() + " - "
                    + unavailable.path("reason").asText());
        }
        long count = report.path("discrepancyCount").asLong();
        if (count > 0) {
            out.println(count + (count == 1 ? " discrepancy:" : " discrepancies:"));
            int shown = 0;
            for (JsonNode discrepancy : report.path("discrepancies")) {
                if (shown++ == SHOWN) {
                    out.println("  ... and " + (count - SHOWN) + " more (GET " + PATH + " lists up to 1000)");
                    break;
                }
                out.println("  " + discrepancy.path("kind").asText() + "  lead "
                        + discrepancy.path("leadId").asText("-") + " ("
                        + discrepancy.path("campaign").asText("-")
                        + ") at " + discrepancy.path("service").asText("?") + ": "
                        + discrepancy.path("detail").asText());
            }
        }
        if (report.path("clean").asBoolean(false)) {
            out.println("Clean: every lead acknowledged in the window is accounted for, once.");
        } else if (!report.path("complete").asBoolean(false)) {
            out.println("Not complete: the report cannot vouch for the leads it could not check.");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shortened(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    /** lead-service refused or answered what the command cannot read. */
    private static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message);
        }
    }
}
