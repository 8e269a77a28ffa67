package dev.faro.lead.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Genuine link tokens altered as an attacker would, for the tests of the links that carry them. */
public final class ForgedTokens {

    private ForgedTokens() {}

    /** The token with its payload rewritten from one lead to another; the signature stays the original's. */
    public static String naming(String token, Object from, Object to) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertThat(payload).contains(from.toString());
        byte[] rewritten = payload.replace(from.toString(), to.toString()).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(rewritten) + "." + parts[1];
    }
}
