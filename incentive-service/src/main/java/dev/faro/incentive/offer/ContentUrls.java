package dev.faro.incentive.offer;

import dev.faro.incentive.content.ContentLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a lead downloads an offer's content: an absolute http(s) reference as it is, a content file through a link
 * signed for the one incentive, valid as long as the incentive.
 */
@ApplicationScoped
public class ContentUrls {

    private final ContentLinks links;

    public ContentUrls(ContentLinks links) {
        this.links = links;
    }

    public String urlFor(Offer.Content content, UUID incentiveId, Instant expiresAt) {
        String ref = content.ref();
        return isWebAddress(ref) ? ref : links.linkFor(incentiveId, ref, expiresAt);
    }

    static boolean isWebAddress(String ref) {
        return ref.startsWith("https://") || ref.startsWith("http://");
    }
}
