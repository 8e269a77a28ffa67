package dev.faro.email.template;

import java.util.Map;
import java.util.UUID;

/** Valid overrides of the incentive email, as a marketer would write them. */
final class IncentiveTemplates {

    static final String SUBJECT_ES = "¿Lista, {name}? Tu código de campaña está aquí";
    static final String HTML_ES =
            """
            <p>¡Hola, {name}! Tu código: <strong>{incentive.code}</strong></p>
            <p><a href="{footer.unsubscribeUrl}">Darse de baja</a> · {footer.postalAddress}</p>
            """;
    static final String TEXT_ES =
            """
            ¡Hola, {name}! Tu código: {incentive.code}
            Baja: {footer.unsubscribeUrl}
            {footer.postalAddress}
            """;

    private IncentiveTemplates() {}

    /** A campaign id no other test uses, so its overrides touch no other test's mail. */
    static String freshCampaign() {
        return "tpl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, String> spanish() {
        return TemplateApi.content(SUBJECT_ES, HTML_ES, TEXT_ES);
    }

    static Map<String, String> spanish(String subject, String html, String text) {
        return TemplateApi.content(subject, html, text);
    }
}
