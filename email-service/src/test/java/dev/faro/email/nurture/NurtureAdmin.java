package dev.faro.email.nurture;

import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The nurture admin API as a marketer's browser calls it. */
public final class NurtureAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String campaignsUrl;

    public NurtureAdmin(String campaignsUrl) {
        this.campaignsUrl = campaignsUrl.endsWith("/") ? campaignsUrl : campaignsUrl + "/";
    }

    HttpResponse<String> get(String campaign, String authorization) {
        return send(request(campaign, authorization).GET());
    }

    HttpResponse<String> put(String campaign, String json, String authorization) {
        return send(request(campaign, authorization)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Saves the sequence as a marketer and insists it was accepted. */
    public void save(String campaign, String json) {
        HttpResponse<String> response = put(campaign, json, TestTokens.bearer(Roles.MARKETER));
        if (response.statusCode() != 200) {
            throw new AssertionError("saving the sequence answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpRequest.Builder request(String campaign, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(campaignsUrl + campaign + "/nurture"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
