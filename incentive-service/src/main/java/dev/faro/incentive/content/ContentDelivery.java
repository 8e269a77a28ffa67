package dev.faro.incentive.content;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Hands out the file a signed link names, to the incentive's holder only, and records that it did. */
@ApplicationScoped
public class ContentDelivery {

    private final ContentLinks links;
    private final ContentCatalogue catalogue;
    private final ContentDownloads downloads;
    private final EntityManager entityManager;
    private final Clock clock = Clock.systemUTC();

    public ContentDelivery(
            ContentLinks links, ContentCatalogue catalogue, ContentDownloads downloads, EntityManager entityManager) {
        this.links = links;
        this.catalogue = catalogue;
        this.downloads = downloads;
        this.entityManager = entityManager;
    }

    @Transactional
    public ContentFile download(String token, String clientIp, String userAgent) {
        ContentLinks.Grant grant = links.verify(token)
                .orElseThrow(() -> new ProblemException(Problem.of(
                        "invalid-link",
                        "The link is not valid",
                        400,
                        "the link is damaged or was altered",
                        List.of())));
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw new ProblemException(Problem.of(
                    "link-expired",
                    "The link has expired",
                    410,
                    "the link expired at " + grant.expiresAt(),
                    List.of()));
        }
        if (!isHeld(grant.incentiveId())) {
            throw ProblemException.notFound("no such content");
        }
        ContentFile file =
                catalogue.find(grant.contentRef()).orElseThrow(() -> ProblemException.notFound("no such content"));
        downloads.record(grant.incentiveId(), grant.contentRef(), clientIp, userAgent);
        return file;
    }

    /** Whether the incentive exists and still belongs to a lead: an erased lead's link opens nothing. */
    private boolean isHeld(UUID incentiveId) {
        return !entityManager
                .createNativeQuery("select 1 from incentive where id = :id and anonymised_at is null")
                .setParameter("id", incentiveId)
                .getResultList()
                .isEmpty();
    }
}
