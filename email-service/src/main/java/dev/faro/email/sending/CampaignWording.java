package dev.faro.email.sending;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A campaign's own wording of a template, where a marketer wrote one (see the template package). The sender asks
 * before it falls back on the composer's built-in templates.
 */
public interface CampaignWording {

    /**
     * The message written with the campaign's version of {@code template} in the recipient's language, or empty to
     * use the built-in one. {@code data} gives the values the template sees.
     */
    Optional<ComposedMail> compose(
            String campaign, String template, Recipient recipient, Supplier<Map<String, Object>> data);
}
