package dev.faro.email.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlTrackingTest {

    private static final String PUBLIC_URL = "https://email.faro.test";
    private static final String CLICK = PUBLIC_URL + "/api/email/click/";
    private static final String UNSUBSCRIBE = PUBLIC_URL + "/api/unsubscribe/abc.def";

    private final TrackingTokens tokens = new TrackingTokens(secret());
    private final TrackingLinks links = new TrackingLinks(tokens, PUBLIC_URL + "/");
    private final UUID leadId = UUID.randomUUID();
    private final TrackedMessage message =
            new TrackedMessage(leadId, "demo", "<incentive.0." + leadId + "@faro.local>");

    @Test
    void contentLinksLeadThroughTrackedLinksToTheirTargets() {
        Document tracked = track("<p>Tu <a href=\"https://shop.example.org/?a=1&amp;b=2\">tienda</a></p>"
                + "<p><a href=\" https://faro.example.org/ebook.pdf \">ebook</a></p>");

        assertThat(tracked.select("a").eachAttr("href")).allMatch(href -> href.startsWith(CLICK));
        assertThat(targets(tracked))
                .containsExactly("https://shop.example.org/?a=1&b=2", "https://faro.example.org/ebook.pdf");
        assertThat(tracked.select("a").eachText()).containsExactly("tienda", "ebook");
    }

    @Test
    void mailPhoneAndRelativeLinksAreLeftAlone() {
        Document tracked = track("<p><a href=\"mailto:hola@faro.local\">escríbenos</a>"
                + " <a href=\"tel:+34910000000\">llámanos</a> <a href=\"/local\">aquí</a> <a name=\"top\">x</a></p>");

        assertThat(tracked.select("a[href]").eachAttr("href"))
                .containsExactly("mailto:hola@faro.local", "tel:+34910000000", "/local");
    }

    @Test
    void theUnsubscribeLinkAndEveryLinkBesideItInTheFooterAreLeftAlone() {
        Document tracked = track("<p><a href=\"https://shop.example.org/\">tienda</a></p><hr>"
                + "<p>Recibes este correo porque lo pediste. <a href=\"" + UNSUBSCRIBE + "\">Darse de baja</a>"
                + " · <a href=\"https://faro.example.org/privacidad\">Privacidad</a><br>Calle Mayor 1</p>");

        assertThat(tracked.select("a").eachAttr("href"))
                .containsExactly(
                        tracked.select("a").first().attr("href"), UNSUBSCRIBE, "https://faro.example.org/privacidad");
        assertThat(tracked.select("a").first().attr("href")).startsWith(CLICK);
    }

    @Test
    void linksInAMarkedFooterAreLeftAlone() {
        Document tracked = track("<div><a href=\"https://shop.example.org/\">tienda</a></div>"
                + "<footer><a href=\"https://faro.example.org/aviso\">Aviso</a></footer>"
                + "<div data-faro-footer><p><a href=\"https://faro.example.org/legal\">Legal</a></p></div>");

        assertThat(tracked.select("footer a, [data-faro-footer] a").eachAttr("href"))
                .containsExactly("https://faro.example.org/aviso", "https://faro.example.org/legal");
        assertThat(tracked.select("div > a").first().attr("href")).startsWith(CLICK);
    }

    @Test
    void theOpenPixelIsTheLastThingInTheBody() {
        String html = HtmlTracking.track(
                "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"UTF-8\"></head>"
                        + "<body><p>¡Hola, Begoña!</p></body></html>",
                message,
                links);

        assertThat(html)
                .startsWith("<!doctype html>")
                .contains("<p>¡Hola, Begoña!</p>")
                .containsPattern("<img src=\"https://email\\.faro\\.test/api/email/open/"
                        + "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\""
                        + " width=\"1\" height=\"1\" alt=\"\" style=\"display:none\"></body>");
        String pixel = Jsoup.parse(html).selectFirst("img").attr("src");
        assertThat(tokens.open(pixel.substring((PUBLIC_URL + "/api/email/open/").length())))
                .contains(message);
    }

    private Document track(String body) {
        return Jsoup.parse(HtmlTracking.track("<html><body>" + body + "</body></html>", message, links));
    }

    private List<String> targets(Document tracked) {
        return tracked.select("a").stream()
                .map(Element::attributes)
                .map(attributes -> attributes.get("href").substring(CLICK.length()))
                .map(token -> tokens.click(token).orElseThrow().url())
                .toList();
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
