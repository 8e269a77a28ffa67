package dev.faro.email.unsubscribe;

import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.contact.Language;

/** The small HTML pages of the unsubscribe link, in the contact's language, every value escaped. */
final class UnsubscribePage {

    private UnsubscribePage() {}

    /** The page a GET shows: it only asks; the buttons post. */
    static String choice(Language language, String actionUrl, String campaign) {
        boolean es = language == Language.ES;
        return page(
                language,
                es ? "Darse de baja" : "Unsubscribe",
                "<p>"
                        + (es
                                ? "¿Qué correos de Faro no quieres recibir más?"
                                : "Which emails from Faro would you rather not get?")
                        + "</p>\n"
                        + button(
                                actionUrl,
                                Unsubscribed.SCOPE_CAMPAIGN,
                                (es ? "Solo los de la campaña " : "Only those of the campaign ") + campaign)
                        + button(actionUrl, Unsubscribed.SCOPE_ALL, es ? "Todos los correos" : "All emails"));
    }

    /** The page after an opt-out (also the answer to a one-click POST). */
    static String done(Language language, String scope) {
        boolean es = language == Language.ES;
        boolean all = Unsubscribed.SCOPE_ALL.equals(scope);
        String text = es
                ? (all ? "No te enviaremos más correos." : "No te enviaremos más correos de esta campaña.")
                : (all ? "We will not email you again." : "We will not email you about this campaign again.");
        return page(language, es ? "Baja confirmada" : "You are unsubscribed", "<p>" + escape(text) + "</p>\n");
    }

    static String invalidLink(Language language) {
        boolean es = language == Language.ES;
        return page(
                language,
                es ? "Enlace no válido" : "Invalid link",
                "<p>"
                        + escape(
                                es
                                        ? "Este enlace de baja no es válido. Usa el enlace de tu último correo."
                                        : "This unsubscribe link is not valid. Please use the link in your latest email.")
                        + "</p>\n");
    }

    private static String button(String actionUrl, String scope, String label) {
        return "<form method=\"post\" action=\"" + escape(actionUrl) + "\">"
                + "<input type=\"hidden\" name=\"scope\" value=\"" + escape(scope) + "\">"
                + "<button type=\"submit\">" + escape(label) + "</button></form>\n";
    }

    private static String page(Language language, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + language.code() + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(title) + "</title>\n</head>\n"
                + "<body style=\"font-family: Helvetica, Arial, sans-serif; max-width: 32em; margin: 2em auto;\">\n"
                + "<main>\n<h1>" + escape(title) + "</h1>\n" + body + "</main>\n</body>\n</html>\n";
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
