package dev.faro.email.digest;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The digest's body as analytics-service wrote it, made safe to embed: our own service writes it, but a campaign
 * name or a page title in it comes from outside, so it is cleaned as if it were hostile. What survives is the
 * formatting a report needs (headings, paragraphs, lists, tables, links, inline styles); scripts, event-handler
 * attributes, forms, frames and {@code javascript:} URLs do not.
 */
final class AnalyticsHtml {

    /**
     * Inline styles are what mail clients honour, but CSS can still fetch or run things; those styles go, and so
     * does any with a CSS escape, which could spell the same words.
     */
    private static final Pattern ACTIVE_CSS =
            Pattern.compile("(?i)url\\s*\\(|expression\\s*\\(|javascript:|@import|behavior\\s*:|-moz-binding|\\\\");

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "center", "font")
            .addAttributes(":all", "style", "align", "valign", "bgcolor", "dir", "lang", "title")
            .addAttributes("table", "border", "cellpadding", "cellspacing", "role")
            .addAttributes("font", "color", "size", "face");

    private AnalyticsHtml() {}

    /** The cleaned body fragment (no {@code <html>} or {@code <body>} of its own). */
    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document cleaned = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html));
        for (Element styled : cleaned.select("[style]")) {
            if (ACTIVE_CSS.matcher(styled.attr("style")).find()) {
                styled.removeAttr("style");
            }
        }
        cleaned.outputSettings().prettyPrint(false);
        return cleaned.body().html();
    }
}
