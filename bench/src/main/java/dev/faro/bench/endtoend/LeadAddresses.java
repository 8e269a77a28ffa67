package dev.faro.bench.endtoend;

/**
 * A unique address per lead of one run ({@code e2e-<run>-<n>@example.org}, lower case as lead-service stores it) and
 * the capture body README.md shows, for the demo campaign.
 */
final class LeadAddresses {

    static final String CAMPAIGN = "demo";

    private final String run;

    LeadAddresses(String run) {
        if (!run.matches("[a-z0-9]{1,20}")) {
            throw new IllegalArgumentException("run id must be 1-20 lower-case letters or digits: " + run);
        }
        this.run = run;
    }

    String address(long sequence) {
        return "e2e-" + run + "-" + sequence + "@example.org";
    }

    String captureBody(long sequence) {
        return "{\"email\":\"" + address(sequence) + "\",\"name\":\"Bench " + sequence + "\",\"campaign\":\"" + CAMPAIGN
                + "\",\"consent\":{\"marketing\":true},\"locale\":\"es\"}";
    }
}
