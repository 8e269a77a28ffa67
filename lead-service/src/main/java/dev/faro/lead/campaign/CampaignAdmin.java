package dev.faro.lead.campaign;

import dev.faro.support.outbox.Outbox;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;

/**
 * Creates, replaces and archives campaigns. Every change is published as {@code CampaignChanged} (the campaign's
 * full state at its new revision) through the outbox, in the transaction that makes it.
 */
@ApplicationScoped
public class CampaignAdmin {

    private final CampaignStore store;
    private final Outbox outbox;

    public CampaignAdmin(CampaignStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Transactional
    public CampaignView create(String id, CampaignDefinition definition) {
        if (!store.insert(id, definition)) {
            throw new ProblemException(Problem.of(
                    "campaign-exists",
                    "A campaign with this id exists",
                    409,
                    "campaign " + id + " exists; choose another id or update it",
                    List.of(new Problem.FieldError("id", "is taken"))));
        }
        return published(id);
    }

    @Transactional
    public CampaignView update(String id, long revision, CampaignDefinition definition) {
        if (!store.update(id, revision, definition)) {
            OptionalLong current = store.currentRevision(id);
            if (current.isEmpty()) {
                throw notFound(id);
            }
            throw new ProblemException(Problem.of(
                    "stale-revision",
                    "The campaign has changed since it was read",
                    409,
                    "the current revision is " + current.getAsLong() + "; read the campaign again and reapply"
                            + " the change",
                    List.of(new Problem.FieldError("revision", "is not the current revision"))));
        }
        return published(id);
    }

    /** Archives the campaign; archiving an archived campaign changes (and publishes) nothing. */
    @Transactional
    public CampaignView archive(String id) {
        if (store.archive(id)) {
            return published(id);
        }
        return store.find(id).map(CampaignView::of).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public CampaignView find(String id) {
        return store.find(id).map(CampaignView::of).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public List<CampaignView> list(boolean includeArchived) {
        return store.list(includeArchived).stream().map(CampaignView::of).toList();
    }

    private CampaignView published(String id) {
        Campaign campaign = store.find(id).orElseThrow();
        outbox.append(id, CampaignEvents.changed(campaign));
        return CampaignView.of(campaign);
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no campaign " + id);
    }
}
