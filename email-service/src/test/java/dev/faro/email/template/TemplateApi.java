package dev.faro.email.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The template admin API as a marketer's browser calls it. */
final class TemplateApi {

    /** HTTP/1.1: the default h2c upgrade is refused for the large bodies the size tests post. */
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final ObjectMapper JSON = new ObjectMapper();

    private final String campaignsUrl;
    private final String authorization;

    private TemplateApi(String campaignsUrl, String authorization) {
        this.campaignsUrl = campaignsUrl.endsWith("/") ? campaignsUrl : campaignsUrl + "/";
        this.authorization = authorization;
    }

    static TemplateApi asMarketer(Object campaignsUrl) {
        return new TemplateApi(campaignsUrl.toString(), TestTokens.bearer(Roles.MARKETER));
    }

    TemplateApi as(String authorization) {
        return new TemplateApi(campaignsUrl, authorization);
    }

    HttpResponse<String> list(String campaign) {
        return send(request(campaign, "").GET());
    }

    HttpResponse<String> get(String campaign, String template, String locale) {
        return send(request(campaign, "/" + template + "/" + locale).GET());
    }

    HttpResponse<String> put(String campaign, String template, String locale, Map<String, ?> body) {
        return send(request(campaign, "/" + template + "/" + locale)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    HttpResponse<String> delete(String campaign, String template, String locale) {
        return send(request(campaign, "/" + template + "/" + locale).DELETE());
    }

    /** A preview of the posted draft, or with {@code draft} null, of what the campaign would send. */
    HttpResponse<String> preview(String campaign, String template, String locale, Map<String, ?> draft) {
        HttpRequest.Builder request = request(campaign, "/" + template + "/" + locale + "/preview");
        if (draft == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(draft))));
    }

    /** Saves the override and checks it was accepted. */
    JsonNode save(String campaign, String template, String locale, Map<String, ?> body) {
        return ok(put(campaign, template, locale, body));
    }

    static Map<String, String> content(String subject, String html, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("html", html);
        body.put("text", text);
        return body;
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** The (field, message) pairs of a 422 problem+json answer. */
    static List<Map.Entry<String, String>> invalidFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(response);
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        problem.path("errors")
                .forEach(error -> fields.add(Map.entry(
                        error.path("field").asText(), error.path("message").asText())));
        return fields;
    }

    private HttpRequest.Builder request(String campaign, String rest) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(campaignsUrl + campaign + "/templates" + rest));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
