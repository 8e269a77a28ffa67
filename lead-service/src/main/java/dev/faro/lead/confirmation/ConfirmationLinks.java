package dev.faro.lead.confirmation;

import dev.faro.lead.web.SignedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The double opt-in link of a lead: this service's public address, the confirm endpoint and a signed token. */
@ApplicationScoped
public class ConfirmationLinks {

    /** What confirmation tokens are for; a token signed for anything else never confirms a lead. */
    public static final String PURPOSE = "lead-confirmation";

    static final String PATH = "/api/leads/confirm";

    private final SignedTokens tokens;
    private final String baseUrl;

    public ConfirmationLinks(SignedTokens tokens, @ConfigProperty(name = "faro.public-url") String publicUrl) {
        this.tokens = tokens;
        this.baseUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The link a person follows to confirm the lead, valid until {@code expiresAt}. */
    public String link(UUID leadId, Instant expiresAt) {
        // A token is base64url and a dot: safe in a query string as it is.
        return baseUrl + PATH + "?token=" + token(leadId, expiresAt);
    }

    /** The token alone, as the link carries it. */
    public String token(UUID leadId, Instant expiresAt) {
        return tokens.issue(PURPOSE, leadId, expiresAt);
    }

    /**
     * The lead a link's token names.
     *
     * @throws SignedTokens.InvalidTokenException if the token is malformed, tampered with, for another purpose
     *     or expired
     */
    public SignedTokens.Verified verify(String token) {
        return tokens.verify(PURPOSE, token);
    }
}
