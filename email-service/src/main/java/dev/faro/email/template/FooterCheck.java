package dev.faro.email.template;

import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.Footer;

/** Whether rendered mail shows the unsubscribe link and the postal address, as text or as escaped HTML. */
final class FooterCheck {

    private FooterCheck() {}

    /** Both bodies of a message show the footer. */
    static boolean shows(ComposedMail mail, Footer footer) {
        return shows(mail.html(), footer, true) && shows(mail.text(), footer, false);
    }

    static boolean shows(String rendered, Footer footer, boolean html) {
        if (rendered == null) {
            return false;
        }
        return contains(rendered, footer.unsubscribeUrl(), html) && contains(rendered, footer.postalAddress(), html);
    }

    private static boolean contains(String rendered, String value, boolean html) {
        return rendered.contains(value) || (html && rendered.contains(escape(value)));
    }

    /** What Qute's HTML escaping makes of a value. */
    private static String escape(String value) {
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
