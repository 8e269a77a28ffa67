package dev.faro.email.sending;

import java.util.Map;

/** Writes the messages of one kind. Each kind is a CDI bean; the sender picks it by {@link #kind()}. */
public interface MessageComposer<P> {

    /** The {@code message_kind} of the ledger rows this composer writes. */
    String kind();

    /**
     * Whether the message carries List-Unsubscribe and a footer ({@link Recipient#footer()}), and whether the
     * suppression list and marketing consent apply. Transactional by default: a kind that markets must say so.
     */
    default MailCategory category() {
        return MailCategory.TRANSACTIONAL;
    }

    /** The type the intent's params are read back as. */
    Class<P> paramsType();

    /**
     * The message for a recipient from the kind's built-in templates: the subject and the HTML and text bodies in
     * the recipient's language. The sender adds From, To, the Message-ID and the unsubscribe headers.
     */
    ComposedMail compose(Recipient recipient, P params);

    /**
     * The values the kind's templates see, by name ({@code name}, {@code footer} and the kind's own); a campaign's
     * override of the kind's templates is rendered with the same values.
     */
    Map<String, Object> templateData(Recipient recipient, P params);

    /**
     * The name of the template a message of this kind is written with, which is also what a campaign overrides
     * ({@code campaign_template.template}): the kind itself, unless the kind has several templates (nurture steps
     * name theirs in their params).
     */
    default String templateName(P params) {
        return kind();
    }

    /** Whether this composer writes messages with the template so named (and so gives it its data and samples). */
    default boolean rendersTemplate(String templateName) {
        return kind().equals(templateName);
    }

    /** Whether the kind has built-in wording for the template so named (a campaign's own nurture template has not). */
    default boolean hasBuiltInTemplate(String templateName) {
        return rendersTemplate(templateName);
    }

    /** Realistic params to preview the kind's templates with. */
    P sampleParams();

    /** Realistic params for a message written with {@code templateName}, one of {@link #rendersTemplate}'s. */
    default P sampleParams(String templateName) {
        return sampleParams();
    }
}
