package dev.faro.lead.capture;

import dev.faro.lead.origin.BrowserOrigin;

/**
 * Where a submission came from: the client's address with its host part removed and its user agent, as the
 * consent ledger keeps them, and the page's origin when a browser sent it. Any may be unknown.
 */
public record SubmissionSource(String truncatedIp, String userAgent, BrowserOrigin origin) {

    /** The longest user agent kept; the rest says nothing a ledger needs. */
    public static final int USER_AGENT_MAX = 512;

    public SubmissionSource {
        userAgent = userAgent == null ? null : cleaned(userAgent);
    }

    /**
     * A header is not a form field: a stray control character in it is no reason to lose the lead, so it is
     * dropped here rather than rejected, and the value is cut to {@link #USER_AGENT_MAX} characters.
     */
    private static String cleaned(String userAgent) {
        String clean = userAgent.replaceAll("\\p{Cc}", "").strip();
        if (clean.length() > USER_AGENT_MAX) {
            int end = Character.isHighSurrogate(clean.charAt(USER_AGENT_MAX - 1)) ? USER_AGENT_MAX - 1 : USER_AGENT_MAX;
            clean = clean.substring(0, end);
        }
        return clean.isEmpty() ? null : clean;
    }
}
