package dev.faro.email.contact;

import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.PersonalData;
import dev.faro.email.timing.LeadTimeZones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The leads this service may write to. */
@ApplicationScoped
public class Contacts {

    private final EntityManager entityManager;
    private final Event<ContactSaved> saved;

    public Contacts(EntityManager entityManager, Event<ContactSaved> saved) {
        this.entityManager = entityManager;
        this.saved = saved;
    }

    /** Creates the contact, or updates it to what a later LeadCaptured for the same lead says. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(LeadCaptured lead, PersonalData personal) {
        entityManager
                .createNativeQuery(
                        """
                        insert into contact (lead_id, campaign, email, name, locale, marketing_consent, time_zone)
                        values (:leadId, :campaign, :email, :name, :locale, :marketingConsent, :timeZone)
                        on conflict (lead_id) do update set
                            campaign = excluded.campaign,
                            email = excluded.email,
                            name = excluded.name,
                            locale = excluded.locale,
                            marketing_consent = excluded.marketing_consent,
                            time_zone = coalesce(excluded.time_zone, contact.time_zone),
                            updated_at = now()
                        """)
                .setParameter("leadId", lead.leadId())
                .setParameter("campaign", lead.campaign())
                .setParameter("email", personal.email())
                .setParameter("name", blankToNull(personal.name()))
                .setParameter("locale", Language.of(lead.locale()).code())
                .setParameter("marketingConsent", lead.consent().marketing())
                .setParameter("timeZone", LeadTimeZones.storedId(lead.timeZone()))
                .executeUpdate();
        saved.fire(new ContactSaved(lead.leadId(), lead));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
