package dev.faro.lead.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Erasures an administrator carries out at a person's request (reason {@code admin-request}). */
@ApplicationScoped
public class AdminErasure {

    private final LeadErasure erasure;

    public AdminErasure(LeadErasure erasure) {
        this.erasure = erasure;
    }

    /** False when there was no such lead (never, or no longer). */
    @Transactional
    public boolean eraseLead(UUID leadId) {
        return erasure.erase(leadId, LeadErasure.Reason.ADMIN_REQUEST).isPresent();
    }

    /** Every lead of the address, in every campaign, in one transaction; returns their ids. */
    @Transactional
    public List<UUID> eraseAddress(String email) {
        return erasure.eraseAddress(email, LeadErasure.Reason.ADMIN_REQUEST);
    }
}
