package dev.faro.email.engagement;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Adds tracking to a message's HTML, read as a browser reads it: each content link ({@code <a href="http(s)://…">})
 * is replaced by its tracked link, and the open pixel goes last in the body. Left alone: links to this service
 * (the unsubscribe link), links that are not plain web addresses (mailto:, tel:, relative ones), and every link in
 * the footer, which is a {@code <footer>} or {@code data-faro-footer} element, or the block that holds the
 * unsubscribe link.
 */
final class HtmlTracking {

    private static final String FOOTER = "footer, [data-faro-footer]";
    private static final String BLOCK = "p, div, td, th, li, section, footer, table";

    private HtmlTracking() {}

    static String track(String html, TrackedMessage message, TrackingLinks links) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        Set<Element> footerBlocks = footerBlocks(document, links);
        for (Element anchor : document.select("a[href]")) {
            String target = anchor.attr("href").strip();
            if (anchor.closest(FOOTER) != null || isInside(anchor, footerBlocks)) {
                continue;
            }
            links.clickUrl(message, target).ifPresent(tracked -> anchor.attr("href", tracked));
        }
        document.body()
                .appendElement("img")
                .attr("src", links.pixelUrl(message))
                .attr("width", "1")
                .attr("height", "1")
                .attr("alt", "")
                .attr("style", "display:none");
        return document.outerHtml();
    }

    /** The nearest block around each link to this service: the footer a template wrote without marking it. */
    private static Set<Element> footerBlocks(Document document, TrackingLinks links) {
        Set<Element> blocks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element anchor : document.select("a[href]")) {
            if (links.isOwn(anchor.attr("href").strip())) {
                Element block = anchor.parent() == null ? null : anchor.parent().closest(BLOCK);
                if (block != null) {
                    blocks.add(block);
                }
            }
        }
        return blocks;
    }

    private static boolean isInside(Element anchor, Set<Element> blocks) {
        for (Element parent = anchor.parent(); parent != null; parent = parent.parent()) {
            if (blocks.contains(parent)) {
                return true;
            }
        }
        return false;
    }
}
