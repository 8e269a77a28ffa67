package dev.faro.email.digest;

import dev.faro.email.contact.Language;
import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.Recipient;
import dev.faro.email.sending.TemplateData;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A marketer's digest: analytics-service's report of a campaign's period, wrapped in Faro's own frame (the
 * campaign and period on top, why it arrives and where to change that below) in {@code
 * templates/DigestEmail/{es,en}.{html,txt}}, with the chart as an inline image. It goes to Faro's users, not to a
 * lead: no unsubscribe link, no suppression or consent check, no EmailSent.
 */
@ApplicationScoped
public class DigestEmail implements MessageComposer<DigestEmail.Params> {

    public static final String KIND = "digest";
    /** Each digest is its own ledger key (per recipient), so it is always the first step of it. */
    public static final int STEP = 0;
    /** The Content-ID of the chart; the HTML shows it as {@code cid:} this. */
    static final String CHART_CONTENT_ID = "digest-chart@faro.local";

    /**
     * One recipient's copy as recorded in the ledger: the digest as accepted ({@code chartPngBase64} only if it is
     * a real PNG within limits) and the recipient's {@code locale}. Stored with the send, so the methods here are
     * not named like getters.
     */
    public record Params(
            String campaign,
            LocalDate periodStart,
            LocalDate periodEnd,
            String subject,
            String html,
            String text,
            String chartPngBase64,
            String locale) {}

    /** What the templates show; {@code html} is the cleaned analytics body, to be embedded as it is. */
    public record View(String campaign, String heading, RawString html, String text, String chartContentId) {

        public boolean hasChart() {
            return chartContentId != null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance es(View digest);

        static native MailTemplateInstance en(View digest);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public MailCategory category() {
        return MailCategory.INTERNAL;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public ComposedMail compose(Recipient recipient, Params digest) {
        Language language = Language.of(digest.locale());
        byte[] chart = ChartImage.check(digest.chartPngBase64()).png();
        View view = view(language, digest, chart != null);
        MailTemplateInstance body =
                switch (language) {
                    case ES -> Templates.es(view);
                    case EN -> Templates.en(view);
                };
        ComposedMail mail = ComposedMail.render(body, DigestRules.oneLine(digest.subject()));
        if (chart == null) {
            return mail;
        }
        return new ComposedMail(
                mail.subject(),
                mail.html(),
                mail.text(),
                List.of(new ComposedMail.InlineImage(CHART_CONTENT_ID, ChartImage.CONTENT_TYPE, chart)));
    }

    /**
     * The digest is Faro's own frame around its own report, not campaign wording: campaigns cannot override it. An
     * override would also be picked by the contact's language (a marketer has no contact) and could not carry the
     * chart.
     */
    @Override
    public boolean rendersTemplate(String templateName) {
        return false;
    }

    /** The values the built-in templates see: {@code digest} (no name, no footer: a marketer is not a lead). */
    @Override
    public Map<String, Object> templateData(Recipient recipient, Params digest) {
        Language language = Language.of(digest.locale());
        boolean withChart = ChartImage.check(digest.chartPngBase64()).image().isPresent();
        return TemplateData.of(recipient, "digest", view(language, digest, withChart));
    }

    @Override
    public Params sampleParams() {
        return new Params(
                "demo",
                LocalDate.of(2026, 11, 19),
                LocalDate.of(2026, 11, 25),
                "Resumen semanal: demo",
                "<h2>Leads</h2><p>42 leads nuevos (+12 % respecto a la semana anterior).</p>",
                "Leads\n42 leads nuevos (+12 % respecto a la semana anterior).",
                null,
                "es");
    }

    private static View view(Language language, Params digest, boolean withChart) {
        return new View(
                digest.campaign(),
                DigestPeriod.heading(language, digest.periodStart(), digest.periodEnd()),
                new RawString(AnalyticsHtml.clean(digest.html())),
                digest.text() == null ? "" : digest.text(),
                withChart ? CHART_CONTENT_ID : null);
    }
}
