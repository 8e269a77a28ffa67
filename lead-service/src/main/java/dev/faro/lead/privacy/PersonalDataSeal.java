package dev.faro.lead.privacy;

import dev.faro.contract.events.Sealed;
import dev.faro.contract.privacy.LeadSeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Seals what an event carries about a person with that person's data key. */
@ApplicationScoped
public class PersonalDataSeal {

    private final LeadKeys keys;

    public PersonalDataSeal(LeadKeys keys) {
        this.keys = keys;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Sealed seal(UUID leadId, Record personal) {
        byte[] key =
                keys.find(leadId).orElseThrow(() -> new IllegalStateException("lead " + leadId + " has no data key"));
        return LeadSeal.seal(key, leadId, personal);
    }
}
