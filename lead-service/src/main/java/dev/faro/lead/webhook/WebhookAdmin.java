package dev.faro.lead.webhook;

import dev.faro.lead.campaign.CampaignDirectory;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creates, lists and deletes a campaign's webhooks, and reads their delivery log. */
@ApplicationScoped
public class WebhookAdmin {

    private final CampaignDirectory campaigns;
    private final WebhookStore store;
    private final DeliveryLog log;
    private final WebhookTargets targets;

    public WebhookAdmin(CampaignDirectory campaigns, WebhookStore store, DeliveryLog log, WebhookTargets targets) {
        this.campaigns = campaigns;
        this.store = store;
        this.log = log;
        this.targets = targets;
    }

    /** Validates and stores the webhook with a new secret, which only this answer carries. */
    @Transactional
    public CreatedWebhook create(String campaign, WebhookRequest request) {
        requireCampaign(campaign);
        List<Problem.FieldError> errors = new ArrayList<>();
        targets.fault(request.url()).ifPresent(fault -> errors.add(new Problem.FieldError("url", fault)));
        Set<WebhookEvent> events = events(request.events(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        String secret = WebhookSecrets.generate();
        WebhookView created = store.insert(campaign, request.url(), List.copyOf(events), secret);
        return CreatedWebhook.of(created, secret);
    }

    @Transactional
    public List<WebhookView> list(String campaign) {
        requireCampaign(campaign);
        return store.list(campaign);
    }

    @Transactional
    public WebhookView find(String campaign, UUID id) {
        requireCampaign(campaign);
        return store.find(campaign, id).orElseThrow(() -> noWebhook(campaign, id));
    }

    /** Deletes the webhook; its pending deliveries are never made, and its delivery log goes with it. */
    @Transactional
    public void delete(String campaign, UUID id) {
        requireCampaign(campaign);
        if (!store.delete(campaign, id)) {
            throw noWebhook(campaign, id);
        }
    }

    @Transactional
    public List<DeliveryView> deliveries(String campaign, UUID id, int limit) {
        return log.latest(find(campaign, id).id(), limit);
    }

    /** The subscribed events in their canonical order; each element at fault is named by its index. */
    private static Set<WebhookEvent> events(List<String> names, List<Problem.FieldError> errors) {
        if (names == null || names.isEmpty()) {
            errors.add(new Problem.FieldError("events", "must name at least one event"));
            return Set.of();
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (int i = 0; i < names.size(); i++) {
            Optional<WebhookEvent> event = WebhookEvent.of(names.get(i));
            if (event.isEmpty()) {
                errors.add(new Problem.FieldError("events[" + i + "]", "must be lead.captured or lead.confirmed"));
            } else if (!events.add(event.get())) {
                errors.add(new Problem.FieldError("events[" + i + "]", "is a duplicate"));
            }
        }
        return events;
    }

    private void requireCampaign(String campaign) {
        if (campaigns.findIncludingArchived(campaign).isEmpty()) {
            throw ProblemException.notFound("no campaign " + campaign);
        }
    }

    private static ProblemException noWebhook(String campaign, UUID id) {
        return ProblemException.notFound("campaign " + campaign + " has no webhook " + id);
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(Problem.of("invalid-request", "The request is not valid", 400, detail, errors));
    }
}
