package dev.faro.support.reconciliation;

import dev.faro.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The leads a reconciliation asks a service about: lead-service pages through the leads it acknowledged in a window
 * and asks each downstream service what became of one page at a time. Every service answers for exactly these ids,
 * so no service needs to know the window, nor the time a lead was captured.
 */
@Schema(description = "The leads to report on, at most " + LeadLedgerRequest.MAX_LEADS + " per request")
public record LeadLedgerRequest(@Schema(required = true) List<String> leadIds) {

    /** A page of lead-service's reconciliation; also what a request may ask at most. */
    public static final int MAX_LEADS = 1000;

    /** The ids asked for, parsed, without repeats, in the order given; a problem naming the field otherwise. */
    public Set<UUID> leads() {
        if (leadIds == null) {
            throw ProblemException.invalid("leadIds", "is required");
        }
        if (leadIds.size() > MAX_LEADS) {
            throw ProblemException.invalid("leadIds", "at most " + MAX_LEADS + " ids per request");
        }
        Set<UUID> leads = new LinkedHashSet<>();
        List<String> malformed = new ArrayList<>();
        for (String id : leadIds) {
            UUID lead = parse(id);
            if (lead == null) {
                malformed.add(String.valueOf(id));
            } else {
                leads.add(lead);
            }
        }
        if (!malformed.isEmpty()) {
            throw ProblemException.invalid("leadIds", "not lead ids: " + malformed.size() + " of " + leadIds.size());
        }
        return leads;
    }

    private static UUID parse(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
