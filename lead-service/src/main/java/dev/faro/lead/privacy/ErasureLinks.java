package dev.faro.lead.privacy;

import dev.faro.lead.web.SignedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The self-service erasure link of a lead: this service's public address, the erase page and a signed token. */
@ApplicationScoped
public class ErasureLinks {

    /** What erasure tokens are for; a token signed for anything else (a confirmation) never erases. */
    public static final String PURPOSE = "erase";

    static final String PATH = "/api/privacy/erase";

    private final SignedTokens tokens;
    private final String baseUrl;

    public ErasureLinks(SignedTokens tokens, @ConfigProperty(name = "faro.public-url") String publicUrl) {
        this.tokens = tokens;
        this.baseUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The link that opens the erase page for the lead's address, valid until {@code expiresAt}. */
    public String link(UUID leadId, Instant expiresAt) {
        // A token is base64url and a dot: safe in a query string as it is.
        return baseUrl + PATH + "?token=" + token(leadId, expiresAt);
    }

    public String token(UUID leadId, Instant expiresAt) {
        return tokens.issue(PURPOSE, leadId, expiresAt);
    }

    /**
     * The lead a token names.
     *
     * @throws SignedTokens.InvalidTokenException if the token is malformed, tampered with, for another purpose or
     *     expired
     */
    public SignedTokens.Verified verify(String token) {
        return tokens.verify(PURPOSE, token);
    }
}
