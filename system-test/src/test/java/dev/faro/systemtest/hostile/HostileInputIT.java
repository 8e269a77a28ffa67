package dev.faro.systemtest.hostile;

import static dev.faro.systemtest.hostile.Answers.assertNotEchoedUnescaped;
import static dev.faro.systemtest.hostile.Answers.assertProblem;
import static dev.faro.systemtest.hostile.Answers.assertRefusedPage;
import static dev.faro.systemtest.hostile.Answers.assertSuccessOrProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.FaroStack;
import dev.faro.local.launcher.StackConfig;
import dev.faro.systemtest.StackLogsOnFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based hostile input against every public endpoint of the running stack (as {@code ./faro up} starts
 * it): random and malformed JSON, wrong types, huge strings and bodies, deep nesting, control characters and NUL,
 * unusual Unicode, invalid addresses, forged link tokens. Whatever arrives: never a 5xx, a refusal is problem+json
 * (or, for the pages a mailed link opens, an HTML error page that echoes no markup), and no invalid lead is stored.
 *
 * <p>Examples per property: {@code -Dfaro.hostile.examples} (default 300). A failure prints the shrunk example
 * and the seed; rerun it with {@code -DQT_SEED=<seed>}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final int EXAMPLES = Integer.getInteger("faro.hostile.examples", 300);
    // HTTP/1.1 as a browser behind TLS termination speaks to the services; the JDK's default is an h2c upgrade,
    // whose refusal of an oversized header is a GOAWAY rather than an answer.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What lead-service's capture accepts as an address; a stored lead must match it. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Characters no stored text of a lead may hold (see lead-service's PlainText). */
    private static final Pattern NOT_PLAIN = Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}]");

    private static final List<String> LEAD_PROPERTIES = List.of(
            "email",
            "email",
            "email",
            "campaign",
            "name",
            "phone",
            "company",
            "locale",
            "timeZone",
            "landingPage",
            "variant",
            "visitorId",
            "referrer",
            "utm",
            "utm.source",
            "utm.medium",
            "utm.campaign",
            "utm.term",
            "utm.content",
            "consent",
            "consent.marketing",
            "consent.textVersion",
            "customFields",
            "customFields.company-size",
            "customFields.x",
            "status",
            "id",
            "website");
    private static final List<String> VISIT_PROPERTIES = List.of(
            "visitorId",
            "campaign",
            "landingPage",
            "variant",
            "utm",
            "utm.source",
            "utm.medium",
            "utm.campaign",
            "utm.term",
            "utm.content",
            "referrer",
            "leadId");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=UTF-8",
            "application/json; charset=UTF-16",
            "application/json; charset=no-such-charset",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml");

    @TempDir
    static Path state;

    @RegisterExtension
    static final StackLogsOnFailure STACK_LOGS = new StackLogsOnFailure(() -> state);

    private static FaroStack faro;

    @BeforeAll
    static void startFaro() {
        // Thousands of requests from one address: the per-address limits have tests of their own.
        faro = FaroStack.start(
                StackConfig.withFreePorts(state), System.out, Map.of("FARO_RATE_LIMIT_ENABLED", "false"));
    }

    @AfterAll
    static void stopFaro() {
        if (faro != null) {
            faro.close();
        }
    }

    @Test
    @Order(1)
    void leadCaptureAnswersAnyBodyWithoutAServerErrorAndStoresOnlyValidLeads() {
        Gen<Body> bodies = Generate.frequency(
                Pair.of(
                        6,
                        HostileJson.mutationsOf(HostileInputIT::validLead, LEAD_PROPERTIES, HostileText.addresses())),
                Pair.of(2, HostileJson.malformed(validLead())));
        Gen<String> contentTypes = Generate.frequency(
                Pair.of(6, Generate.constant("application/json")), Pair.of(1, Generate.pick(CONTENT_TYPES)));

        qt().withExamples(EXAMPLES)
                .withShrinkCycles(50)
                .forAll(bodies, contentTypes, HostileText.any())
                .checkAssert((body, type, idempotencyKey) -> {
                    long before = storedLeads();
                    HttpResponse<String> answer = post(
                            FaroService.LEAD,
                            "/api/leads",
                            type,
                            body.bytes(),
                            Map.of("Idempotency-Key", idempotencyKey));

                    assertSuccessOrProblem(answer, 202);
                    long after = storedLeads();
                    if (answer.statusCode() != 202) {
                        assertThat(after)
                                .as("leads stored by a refused request")
                                .isEqualTo(before);
                        assertNoAddressEchoed(answer, body);
                        return;
                    }
                    assertThat(after - before).as("leads stored by one request").isBetween(0L, 1L);
                    UUID lead = UUID.fromString(
                            Answers.parsed(answer.body()).path("leadId").asText());
                    Map<String, Object> row = storedLead(lead);
                    if (after > before) {
                        assertThat(row).as("the lead the answer named").isNotEmpty();
                    }
                    if (!row.isEmpty()) {
                        assertValidLead(row, Answers.parsed(body.text()));
                    }
                });
    }

    @Test
    @Order(2)
    void visitBeaconAnswersAnyBodyWithoutAServerError() {
        Gen<Body> bodies = Generate.frequency(
                Pair.of(6, HostileJson.mutationsOf(HostileInputIT::validVisit, VISIT_PROPERTIES, HostileText.any())),
                Pair.of(2, HostileJson.malformed(validVisit())));

        qt().withExamples(EXAMPLES)
                .withShrinkCycles(50)
                .forAll(bodies)
                .checkAssert(body -> assertSuccessOrProblem(
                        post(FaroService.LEAD, "/api/visits", "application/json", body.bytes()), 202));
    }

    @Test
    @Order(3)
    void erasureRequestAnswersAnyBodyWithoutAServerErrorNorEchoingTheAddress() {
        Gen<Body> bodies = Generate.frequency(
                Pair.of(
                        6,
                        HostileJson.mutationsOf(
                                () -> new LinkedHashMap<>(Map.of("email", uniqueAddress())),
                                List.of("email", "email", "leadId"),
                                HostileText.addresses())),
                Pair.of(2, HostileJson.malformed(Map.of("email", "ana@example.org"))));

        qt().withExamples(EXAMPLES).withShrinkCycles(50).forAll(bodies).checkAssert(body -> {
            HttpResponse<String> answer =
                    post(FaroService.LEAD, "/api/privacy/erasure-requests", "application/json", body.bytes());
            assertSuccessOrProblem(answer, 202);
            assertNoAddressEchoed(answer, body);
        });
    }

    @Test
    @Order(4)
    void everySignedLinkRefusesAForgedTokenWithoutAServerError() {
        qt().withExamples(EXAMPLES).withShrinkCycles(50).forAll(forgedTokens()).checkAssert(token -> {
            String query = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            String segment = URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");

            assertProblem(get(FaroService.LEAD, "/api/leads/confirm?" + query, "application/json"));
            assertRefusedPage(get(FaroService.LEAD, "/api/leads/confirm?" + query, "text/html"), token);
            assertRefusedPage(get(FaroService.LEAD, "/api/privacy/erase?" + query, "text/html"), token);
            assertRefusedPage(
                    post(FaroService.LEAD, "/api/privacy/erase", "application/x-www-form-urlencoded", bytes(query)),
                    token);
            assertProblem(get(FaroService.INCENTIVE, "/api/content/" + segment, "*/*"));
            // Never a redirect: a forged click must not turn Faro into an open redirector.
            assertProblem(get(FaroService.EMAIL, "/api/email/click/" + segment, "*/*"));
            HttpResponse<String> pixel = get(FaroService.EMAIL, "/api/email/open/" + segment, "image/*");
            if (!Answers.refusedBeforeParsing(pixel)) {
                assertThat(pixel.statusCode())
                        .as("the open pixel, whatever its token")
                        .isEqualTo(200);
                assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
            }
            assertRefusedPage(get(FaroService.EMAIL, "/api/unsubscribe/" + segment, "text/html"), token);
            HttpResponse<String> oneClick = post(
                    FaroService.EMAIL,
                    "/api/unsubscribe/" + segment,
                    "application/x-www-form-urlencoded",
                    bytes("List-Unsubscribe=One-Click"));
            assertThat(oneClick.statusCode())
                    .as("one-click unsubscribe answered %s", oneClick.body())
                    .isBetween(400, 499);
            assertNotEchoedUnescaped(oneClick, token);
        });
    }

    @Test
    @Order(5)
    void noServiceLoggedAnErrorWhileAnsweringHostileInput() throws IOException {
        List<String> errors;
        try (Stream<Path> logs = Files.list(state.resolve("logs"))) {
            errors = logs.filter(log -> Stream.of(FaroService.values())
                            .anyMatch(service -> log.getFileName().toString().startsWith(service.directory())))
                    .flatMap(HostileInputIT::lines)
                    .filter(line -> line.contains(" ERROR "))
                    .toList();
        }
        assertThat(errors).as("ERROR lines in the services' logs").isEmpty();
    }

    /** Non-empty (an empty path segment is another route), any length up to well past every limit. */
    private static Gen<String> forgedTokens() {
        Gen<String> tokenLike = org.quicktheories.generators.SourceDSL.strings()
                .betweenCodePoints('-', 'z')
                .ofLengthBetween(1, 120)
                .zip(
                        Generate.range(0, 120),
                        (text, dot) -> dot < text.length() ? text.substring(0, dot) + "." + text.substring(dot) : text);
        return Generate.frequency(
                        Pair.of(3, tokenLike),
                        Pair.of(2, HostileText.any()),
                        Pair.of(1, Generate.range(1_000, 12_000).map("A"::repeat)))
                .assuming(token -> !token.isBlank());
    }

    private static Map<String, Object> validLead() {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("email", uniqueAddress());
        lead.put("campaign", "demo");
        lead.put("name", "Ana");
        lead.put("locale", "es");
        lead.put("consent", new LinkedHashMap<>(Map.of("marketing", true)));
        lead.put("landingPage", "otono");
        lead.put("variant", "a");
        lead.put("utm", new LinkedHashMap<>(Map.of("source", "newsletter")));
        return lead;
    }

    private static Map<String, Object> validVisit() {
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitorId", "v-" + UUID.randomUUID().toString().substring(0, 8));
        visit.put("campaign", "demo");
        visit.put("landingPage", "otono");
        visit.put("variant", "a");
        visit.put("utm", new LinkedHashMap<>(Map.of("source", "newsletter")));
        visit.put("referrer", "https://news.example.org/");
        return visit;
    }

    private static String uniqueAddress() {
        return "hostile-" + UUID.randomUUID() + "@example.org";
    }

    /** What the stored row must be: the address as accepted (trimmed, lower case), and plain text in every column. */
    private static void assertValidLead(Map<String, Object> row, JsonNode sent) {
        String email = (String) row.get("email");
        assertThat(email)
                .matches(ADDRESS)
                .hasSizeLessThanOrEqualTo(254)
                .isEqualTo(email.strip().toLowerCase());
        assertThat(row.get("campaign_id")).isEqualTo("demo");
        if (sent.path("email").isTextual()) {
            assertThat(email)
                    .as("stored as sent")
                    .isEqualTo(sent.path("email").asText().strip().toLowerCase());
        }
        row.forEach((column, value) -> {
            if (value instanceof String text) {
                assertThat(NOT_PLAIN.matcher(text).find())
                        .as("column %s holds a control character: %s", column, text)
                        .isFalse();
            }
        });
    }

    /** Errors never contain an address someone submitted (it is not ours to repeat to whoever sent it). */
    private static void assertNoAddressEchoed(HttpResponse<String> answer, Body sentBody) {
        JsonNode sent;
        try {
            sent = JSON.readTree(sentBody.text());
        } catch (IOException e) {
            return;
        }
        if (sent != null && sent.path("email").isTextual()) {
            String email = sent.path("email").asText();
            if (email.contains("@") && email.length() > 5) {
                assertThat(answer.body()).as("problem for %s", email).doesNotContain(email);
            }
        }
    }

    private static long storedLeads() {
        try (Connection db = leadDatabase();
                PreparedStatement count = db.prepareStatement("select count(*) from lead");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> storedLead(UUID id) {
        try (Connection db = leadDatabase();
                PreparedStatement select = db.prepareStatement("select * from lead where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rows.next()) {
                    ResultSetMetaData columns = rows.getMetaData();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnName(i), rows.getObject(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection leadDatabase() throws SQLException {
        String database = FaroService.LEAD.database();
        return DriverManager.getConnection(faro.jdbcUrl(FaroService.LEAD), database, database);
    }

    private static HttpResponse<String> get(FaroService service, String pathAndQuery, String accept) {
        return send(HttpRequest.newBuilder(url(service, pathAndQuery))
                .header("Accept", accept)
                .GET()
                .build());
    }

    private static HttpResponse<String> post(FaroService service, String path, String contentType, byte[] body) {
        return post(service, path, contentType, body, Map.of());
    }

    private static HttpResponse<String> post(
            FaroService service, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(service, path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            String printable = value.replaceAll("[^\\x20-\\x7e]", "");
            if (!printable.isEmpty() && printable.length() <= 8_000) {
                request.header(name, printable);
            }
        });
        return send(request.build());
    }

    /**
     * Sends once more, as browsers do, when the request went out on a kept-alive connection the server had just
     * closed: the HTTP server closes the connection after a bare 414 or 431, and the client may already have reused
     * it for the next request.
     */
    private static HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedUnderneath) {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new AssertionError(request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static URI url(FaroService service, String pathAndQuery) {
        return URI.create(faro.serviceUrl(service).toString().replaceAll("/$", "") + pathAndQuery);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Stream<String> lines(Path log) {
        try {
            return Files.readAllLines(log).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
