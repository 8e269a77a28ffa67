package dev.faro.email.nurture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;

/** Which templates a nurture step may name: the built-in ones, and those a campaign defines for itself. */
@ApplicationScoped
public class NurtureTemplates {

    static final Pattern NAME = Pattern.compile("nurture-[a-z0-9-]{1,50}");

    private final EntityManager entityManager;

    public NurtureTemplates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    static boolean isNurtureName(String template) {
        return template != null && NAME.matcher(template).matches();
    }

    /** Whether a step of {@code campaign} can be written with {@code template}. */
    @Transactional
    public boolean exists(String campaign, String template) {
        return NurtureEmail.BUILT_IN.contains(template) || campaignDefines(campaign, template);
    }

    /**
     * Campaign templates live in another feature's table, which may not exist in this deployment yet: ask only once
     * it does. Any of the campaign's languages counts; a lead whose language lacks it gets a failed send.
     */
    private boolean campaignDefines(String campaign, String template) {
        boolean tableExists = (Boolean) entityManager
                .createNativeQuery("select to_regclass('campaign_template') is not null")
                .getSingleResult();
        return tableExists
                && (Boolean) entityManager
                        .createNativeQuery(
                                """
                                select exists (select 1 from campaign_template
                                               where campaign = :campaign and template = :template)
                                """)
                        .setParameter("campaign", campaign)
                        .setParameter("template", template)
                        .getSingleResult();
    }
}
