package dev.faro.email.unsubscribe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The public URL a lead follows (or a mail client posts to) to unsubscribe. */
@ApplicationScoped
public class UnsubscribeLinks {

    static final String PATH = "/api/unsubscribe/";

    private final UnsubscribeTokens tokens;
    private final String publicUrl;

    public UnsubscribeLinks(UnsubscribeTokens tokens, @ConfigProperty(name = "faro.public-url") String publicUrl) {
        this.tokens = tokens;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String url(UUID leadId) {
        return publicUrl + PATH + tokens.issue(leadId);
    }
}
