package dev.faro.email.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The public URLs of the open pixel and of tracked links, and which links point back at this service. */
@ApplicationScoped
public class TrackingLinks {

    static final String OPEN_PATH = "/api/email/open/";
    static final String CLICK_PATH = "/api/email/click/";

    private final TrackingTokens tokens;
    private final String publicUrl;

    public TrackingLinks(TrackingTokens tokens, @ConfigProperty(name = "faro.public-url") String publicUrl) {
        this.tokens = tokens;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String pixelUrl(TrackedMessage message) {
        return publicUrl + OPEN_PATH + tokens.issueOpen(message);
    }

    /** The tracked replacement of a link; empty when the link is not to be tracked. */
    public Optional<String> clickUrl(TrackedMessage message, String target) {
        if (isOwn(target)) {
            return Optional.empty();
        }
        return tokens.issueClick(message, target).map(token -> publicUrl + CLICK_PATH + token);
    }

    /**
     * Whether a link leads to this service (the unsubscribe link, say): such links are never wrapped, so leaving a
     * list does not depend on the tracking redirect and is not itself recorded as a click.
     */
    public boolean isOwn(String url) {
        return url.startsWith(publicUrl + "/");
    }
}
