package dev.faro.email.engagement;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which link targets may be tracked, and so redirected to: absolute http(s) URLs with a host, written in printable
 * ASCII. Anything else (mailto:, a relative path, a URL with spaces or raw non-ASCII characters) is left as it is in
 * the email, so the redirect only ever sends a browser to a plain web address and its Location header is exactly
 * the URL that was signed.
 */
final class WebLinks {

    private WebLinks() {}

    static boolean isTrackable(String url) {
        if (url == null || url.isEmpty() || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }
}
