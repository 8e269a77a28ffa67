package dev.faro.email.template;

import dev.faro.email.sending.CampaignWording;
import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * What the sender asks before it writes a message with a built-in template: whether the lead's campaign
 * overrides that template in the lead's language, and the message written with the override if so. The table is
 * read on every send (a send is a database round trip anyway), so a save or a delete holds from the next message
 * on, on every instance; only the parsing is kept, for as long as the stored text is unchanged.
 */
@ApplicationScoped
public class TemplateOverrides implements CampaignWording {

    private static final Logger LOG = Logger.getLogger(TemplateOverrides.class);

    private final CampaignTemplates store;
    private final OverrideTemplates templates;
    private final ConcurrentMap<Key, Cached> parsed = new ConcurrentHashMap<>();

    private record Key(String campaign, String template, String locale) {}

    private record Cached(TemplateContent content, OverrideTemplates.Parsed parsed) {}

    public TemplateOverrides(CampaignTemplates store, OverrideTemplates templates) {
        this.store = store;
        this.templates = templates;
    }

    /**
     * The message written with the campaign's override of {@code template} in the recipient's language, or empty
     * when there is none: the built-in one is used then. An override that cannot be rendered for this recipient,
     * or that would go out without the footer the recipient's mail must carry, is skipped in favour of the
     * built-in template (and logged), so a marketer's mistake never costs a lead its email or its unsubscribe link.
     */
    @Override
    public Optional<ComposedMail> compose(
            String campaign, String template, Recipient recipient, Supplier<Map<String, Object>> data) {
        if (campaign == null) {
            return Optional.empty();
        }
        Optional<TemplateOverride> stored = store.find(campaign, template, recipient.language());
        if (stored.isEmpty()) {
            parsed.remove(new Key(campaign, template, recipient.language().code()));
            return Optional.empty();
        }
        ComposedMail mail;
        try {
            mail = templates.render(parsed(campaign, stored.get()), data.get());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Campaign %s's %s template (%s) cannot be rendered, sending the built-in one: %s",
                    campaign, template, recipient.language().code(), OverrideTemplates.describe(e));
            return Optional.empty();
        }
        if (recipient.footer() != null && !FooterCheck.shows(mail, recipient.footer())) {
            LOG.warnf(
                    "Campaign %s's %s template (%s) leaves out the unsubscribe footer, sending the built-in one",
                    campaign, template, recipient.language().code());
            return Optional.empty();
        }
        return Optional.of(mail);
    }

    private OverrideTemplates.Parsed parsed(String campaign, TemplateOverride stored) {
        Key key = new Key(campaign, stored.template(), stored.locale());
        TemplateContent content = stored.content();
        Cached cached = parsed.get(key);
        if (cached == null || !cached.content().equals(content)) {
            cached = new Cached(content, templates.parse(content));
            parsed.put(key, cached);
        }
        return cached.parsed();
    }
}
