package dev.faro.email.template;

import dev.faro.email.contact.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The {@code campaign_template} table: each campaign's overrides of its templates, per language. */
@ApplicationScoped
public class CampaignTemplates {

    private final EntityManager entityManager;

    public CampaignTemplates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public List<TemplateSummary> list(String campaign) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select template, locale, updated_at from campaign_template
                        where campaign = :campaign
                        order by template, locale
                        """)
                .setParameter("campaign", campaign)
                .getResultList();
        return rows.stream()
                .map(row -> new TemplateSummary((String) row[0], (String) row[1], instant(row[2])))
                .toList();
    }

    @Transactional
    public Optional<TemplateOverride> find(String campaign, String template, Language language) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select subject, html, text, updated_at from campaign_template
                        where campaign = :campaign and template = :template and locale = :locale
                        """)
                .setParameter("campaign", campaign)
                .setParameter("template", template)
                .setParameter("locale", language.code())
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new TemplateOverride(
                        template, language.code(), (String) row[0], (String) row[1], (String) row[2], instant(row[3])));
    }

    /** Creates or replaces the override; the caller has validated the content. */
    @Transactional
    public TemplateOverride save(String campaign, String template, Language language, TemplateContent content) {
        Object updatedAt = entityManager
                .createNativeQuery(
                        """
                        insert into campaign_template (campaign, template, locale, subject, html, text, updated_at)
                        values (:campaign, :template, :locale, :subject, :html, :text, now())
                        on conflict (campaign, template, locale) do update set
                            subject = excluded.subject,
                            html = excluded.html,
                            text = excluded.text,
                            updated_at = excluded.updated_at
                        returning updated_at
                        """)
                .setParameter("campaign", campaign)
                .setParameter("template", template)
                .setParameter("locale", language.code())
                .setParameter("subject", content.subject())
                .setParameter("html", content.html())
                .setParameter("text", content.text())
                .getSingleResult();
        return new TemplateOverride(
                template, language.code(), content.subject(), content.html(), content.text(), instant(updatedAt));
    }

    /** Whether there was an override to delete. */
    @Transactional
    public boolean delete(String campaign, String template, Language language) {
        return entityManager
                        .createNativeQuery(
                                """
                                delete from campaign_template
                                where campaign = :campaign and template = :template and locale = :locale
                                """)
                        .setParameter("campaign", campaign)
                        .setParameter("template", template)
                        .setParameter("locale", language.code())
                        .executeUpdate()
                > 0;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
