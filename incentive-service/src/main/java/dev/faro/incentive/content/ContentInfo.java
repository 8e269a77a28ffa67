package dev.faro.incentive.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalogue file as the admin API shows it, without its bytes. */
@Schema(name = "ContentInfo")
public record ContentInfo(String ref, String title, String mediaType, String fileName, long size) {

    static ContentInfo of(ContentFile file) {
        return new ContentInfo(file.ref(), file.title(), file.mediaType(), file.fileName(), file.body().length);
    }
}
