package dev.faro.lead.abuse;

/** The limits Faro enforces, named as in configuration ({@code faro.rate-limit.<name>.*}) and metrics. */
public enum RateLimit {
    LEAD_PER_CLIENT("lead-per-client", "lead submissions from this address"),
    LEAD_PER_CAMPAIGN("lead-per-campaign", "lead submissions to this campaign"),
    VISIT_PER_CLIENT("visit-per-client", "visits from this address"),
    ERASURE_REQUEST_PER_CLIENT("erasure-request-per-client", "erasure requests from this address");

    private final String key;
    private final String what;

    RateLimit(String key, String what) {
        this.key = key;
        this.what = what;
    }

    public String key() {
        return key;
    }

    /** What the limit counts, for the problem's detail. */
    String what() {
        return what;
    }
}
