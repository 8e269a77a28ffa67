package dev.faro.lead.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.lead.privacy.ServicesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Asks incentive-, email- and analytics-service about a page of leads, all three at once, with the administrator's
 * own token. A reconciliation is an administrator's request after an incident, not the lead path, so like the
 * personal-data export it may call the services synchronously.
 */
@ApplicationScoped
class LedgerClient {

    static final String PATH = "/api/admin/reconciliation/leads";
    /** A page of a thousand leads is read with a few indexed queries; this is for a service under load. */
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private final ServicesConfig services;
    private final ObjectMapper json;
    private final HttpClient http;

    LedgerClient(ServicesConfig services, ObjectMapper json) {
        this.services = services;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(services.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The three answers keyed by lead id, or why a service could not answer. */
    DownstreamLedgers.Page ask(Collection<UUID> leads, String authorization) {
        String body;
        try {
            body = json.writeValueAsString(
                    Map.of("leadIds", leads.stream().map(UUID::toString).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a list of lead ids", e);
        }
        CompletableFuture<DownstreamLedgers.Incentives> incentives = ask(
                LeadChecks.INCENTIVE_SERVICE,
                services.incentiveUrl(),
                body,
                authorization,
                DownstreamLedgers.Incentives.class);
        CompletableFuture<DownstreamLedgers.Emails> emails =
                ask(LeadChecks.EMAIL_SERVICE, services.emailUrl(), body, authorization, DownstreamLedgers.Emails.class);
        CompletableFuture<DownstreamLedgers.Funnel> funnel = ask(
                LeadChecks.ANALYTICS_SERVICE,
                services.analyticsUrl(),
                body,
                authorization,
                DownstreamLedgers.Funnel.class);
        return new DownstreamLedgers.Page(
                byLead(
                        LeadChecks.INCENTIVE_SERVICE,
                        join(incentives).leads(),
                        DownstreamLedgers.IncentiveEntry::leadId),
                byLead(LeadChecks.EMAIL_SERVICE, join(emails).leads(), DownstreamLedgers.EmailEntry::leadId),
                byLead(LeadChecks.ANALYTICS_SERVICE, join(funnel).leads(), DownstreamLedgers.FunnelEntry::leadId));
    }

    private <T> CompletableFuture<T> ask(String service, URI base, String body, String authorization, Class<T> answer) {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + PATH);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(PAGE_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> read(service, response, answer))
                .exceptionally(failure -> {
                    throw unavailable(service, base, failure);
                });
    }

    private <T> T read(String service, HttpResponse<String> response, Class<T> answer) {
        if (response.statusCode() != 200) {
            throw new ServiceUnavailableException(service, "answered HTTP " + response.statusCode());
        }
        try {
            return json.readValue(response.body(), answer);
        } catch (JsonProcessingException e) {
            throw new ServiceUnavailableException(service, "answered something other than its ledger");
        }
    }

    private ServiceUnavailableException unavailable(String service, URI base, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ServiceUnavailableException known) {
            return known;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new ServiceUnavailableException(service, "could not connect to " + base + " in time");
        }
        if (cause instanceof HttpTimeoutException) {
            return new ServiceUnavailableException(
                    service, base + " did not answer within " + PAGE_TIMEOUT.toSeconds() + " s");
        }
        if (cause instanceof ConnectException) {
            return new ServiceUnavailableException(service, "could not connect to " + base);
        }
        return new ServiceUnavailableException(service, "the connection to " + base + " failed");
    }

    private static <T> T join(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ServiceUnavailableException unavailable) {
                throw unavailable;
            }
            throw e;
        }
    }

    private static <E> Map<UUID, E> byLead(String service, List<E> entries, Function<E, UUID> leadId) {
        if (entries == null) {
            throw new ServiceUnavailableException(service, "answered without a list of leads");
        }
        Map<UUID, E> byLead = new LinkedHashMap<>();
        for (E entry : entries) {
            byLead.put(leadId.apply(entry), entry);
        }
        return byLead;
    }

    /** A service that could not say what became of the page's leads: the reconciliation cannot be complete. */
    static final class ServiceUnavailableException extends RuntimeException {
        private final String service;

        ServiceUnavailableException(String service, String reason) {
            super(reason, null, false, false);
            this.service = service;
        }

        String service() {
            return service;
        }
    }
}
