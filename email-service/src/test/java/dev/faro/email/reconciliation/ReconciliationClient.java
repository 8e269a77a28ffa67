package dev.faro.email.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Asks POST /api/admin/reconciliation/leads as lead-service's reconciliation does. */
record ReconciliationClient(URI endpoint) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The admin's answer for {@code leads}, which must be a 200. */
    JsonNode report(UUID... leads) throws IOException, InterruptedException {
        HttpResponse<String> response = post(
                Map.of("leadIds", List.of(leads).stream().map(UUID::toString).toList()),
                TestTokens.bearer(Roles.ADMIN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The report's only entry, for one lead. */
    JsonNode reportOn(UUID lead) throws IOException, InterruptedException {
        JsonNode leads = report(lead).path("leads");
        assertThat(leads).hasSize(1);
        return leads.get(0);
    }

    HttpResponse<String> post(Object body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
