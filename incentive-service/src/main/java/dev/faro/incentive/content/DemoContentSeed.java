package dev.faro.incentive.content;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo campaign's ebook in the catalogue, in local mode and tests. The ref is the one the demo offer names
 * (DemoOfferSeed); a file a marketer uploaded under it is left alone.
 */
@ApplicationScoped
public class DemoContentSeed {

    static final String EBOOK_REF = "desbloquea-el-poder-de-las-redes-sociales.pdf";
    private static final String EBOOK_TITLE = "Desbloquea el poder de las redes sociales";
    private static final String RESOURCE = "/demo-content/" + EBOOK_REF;

    private final ContentCatalogue catalogue;
    private final boolean enabled;

    public DemoContentSeed(ContentCatalogue catalogue, @ConfigProperty(name = "faro.demo.seed") boolean enabled) {
        this.catalogue = catalogue;
        this.enabled = enabled;
    }

    @Transactional
    void seed(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        catalogue.storeIfAbsent(new ContentFile(EBOOK_REF, EBOOK_TITLE, "application/pdf", EBOOK_REF, ebook()));
    }

    private static byte[] ebook() {
        try (InputStream in = DemoContentSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo ebook " + RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
