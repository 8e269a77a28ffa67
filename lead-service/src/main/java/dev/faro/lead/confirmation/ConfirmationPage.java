package dev.faro.lead.confirmation;

/**
 * The small page a person sees after following a confirmation link: one heading, one sentence, in their language.
 * Every value is escaped, although today all of them are Faro's own words.
 */
final class ConfirmationPage {

    private ConfirmationPage() {}

    static String render(ConfirmationAnswer answer, String language) {
        String lang = "en".equals(language) ? "en" : "es";
        ConfirmationAnswer.Text text = answer.text(lang);
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
                main { max-width: 32rem; margin: 15vh auto; padding: 0 1.5rem; line-height: 1.5; }
                h1 { font-size: 1.5rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                <p>%s</p>
                </main>
                </body>
                </html>
                """
                .formatted(escape(lang), escape(text.title()), escape(text.title()), escape(text.message()));
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
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
