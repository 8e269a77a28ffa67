package dev.faro.lead.privacy;

import java.util.Locale;

/**
 * The page an erasure link opens, in Spanish or English: one heading, one paragraph and, while there is something
 * to erase, a form whose button posts the token back. Following the link never erases by itself: mail scanners
 * and link previews fetch links, and only a person presses the button. Every value is escaped.
 */
final class ErasurePage {

    /** What the page says, with the HTTP status it is sent with. */
    enum Answer {
        CONFIRM(
                200,
                new Text(
                        "¿Borrar tus datos?",
                        "Faro borrará todo lo que guarda sobre tu dirección de correo, en todas las campañas: tus"
                                + " datos, tus consentimientos, tus incentivos y los correos que te enviamos. No se"
                                + " puede deshacer. Si no quieres borrar nada, cierra esta página.",
                        "Borrar mis datos"),
                new Text(
                        "Erase your data?",
                        "Faro will erase everything it holds on your email address, in every campaign: your details,"
                                + " your consent records, your incentives and the emails we sent you. This cannot"
                                + " be undone. If you do not want anything erased, just close this page.",
                        "Erase my data")),
        ERASED(
                200,
                new Text(
                        "Datos borrados",
                        "Hemos borrado tus datos. No volverás a saber de nosotros, salvo que vuelvas a registrarte.",
                        null),
                new Text(
                        "Your data has been erased",
                        "We have erased your data. You will not hear from us again unless you sign up anew.",
                        null)),
        NOTHING_LEFT(
                200,
                new Text(
                        "No queda nada que borrar",
                        "No guardamos datos asociados a este enlace: ya se han borrado.",
                        null),
                new Text(
                        "Nothing left to erase", "We hold no data under this link: it has been erased already.", null)),
        INVALID_LINK(
                400,
                new Text(
                        "Enlace no válido",
                        "Este enlace para borrar tus datos no es válido. Copia el enlace completo del correo que te"
                                + " enviamos, o pide uno nuevo.",
                        null),
                new Text(
                        "Invalid link",
                        "This link to erase your data is not valid. Copy the whole link from the email we sent you,"
                                + " or ask for a new one.",
                        null)),
        EXPIRED(
                410,
                new Text(
                        "Enlace caducado",
                        "Este enlace para borrar tus datos ha caducado. Pide uno nuevo y te lo enviaremos.",
                        null),
                new Text(
                        "Link expired",
                        "This link to erase your data has expired. Ask for a new one and we will send it to you.",
                        null));

        private final int status;
        private final Text spanish;
        private final Text english;

        Answer(int status, Text spanish, Text english) {
            this.status = status;
            this.spanish = spanish;
            this.english = english;
        }

        int status() {
            return status;
        }

        Text text(String language) {
            return "en".equals(language) ? english : spanish;
        }
    }

    /** A heading, a paragraph and, on the confirmation page, the button's label. */
    record Text(String title, String message, String button) {}

    private ErasurePage() {}

    /** {@code token} goes into the form of {@link Answer#CONFIRM}; the other pages have no form. */
    static String render(Answer answer, String language, String token) {
        String lang = "en".equals(language) ? "en" : "es";
        Text text = answer.text(lang);
        String form = answer == Answer.CONFIRM
                // Relative to /api/privacy/erase itself, so it holds behind any proxy path prefix.
                ? """
                  <form method="post" action="erase">
                  <input type="hidden" name="token" value="%s">
                  <button type="submit">%s</button>
                  </form>
                  """
                        .formatted(escape(token), escape(text.button()))
                : "";
        return """
                <!doctype html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fafafa; }
                main { max-width: 34rem; margin: 15vh auto; padding: 0 1.5rem; line-height: 1.5; }
                h1 { font-size: 1.5rem; }
                button { font: inherit; padding: 0.6rem 1.2rem; border: 0; border-radius: 4px; background: #a4161a;
                         color: #fff; cursor: pointer; }
                button:focus-visible { outline: 3px solid #1f4f8b; outline-offset: 2px; }
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                <p>%s</p>
                %s</main>
                </body>
                </html>
                """
                .formatted(escape(lang), escape(text.title()), escape(text.title()), escape(text.message()), form);
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    /** The page's language: the lead's if known, else the first of Spanish or English the browser asks for. */
    static String language(String leadLocale, Iterable<Locale> acceptable) {
        if (leadLocale != null) {
            return leadLocale.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "es";
        }
        for (Locale locale : acceptable) {
            if ("es".equals(locale.getLanguage()) || "en".equals(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return "es";
    }
}
