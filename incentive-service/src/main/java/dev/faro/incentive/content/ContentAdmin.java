package dev.faro.incentive.content;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Validates and stores uploads to the content catalogue. */
@ApplicationScoped
public class ContentAdmin {

    private static final int MAX_TITLE = 200;
    private static final int MAX_FILE_NAME = 200;
    private static final int MAX_MEDIA_TYPE = 127;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

    /** The upload's outcome: the file as stored, and whether the ref was new. */
    public record Stored(ContentInfo content, boolean created) {}

    private final ContentCatalogue catalogue;

    public ContentAdmin(ContentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Transactional
    public Stored store(String ref, String title, String fileName, String mediaType, byte[] body) {
        String name = fileName == null || fileName.isBlank() ? ref : fileName.trim();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!ContentCatalogue.isValidRef(ref)) {
            errors.add(new Problem.FieldError(
                    "ref", "must be 1 to 63 lower-case letters, digits, dots, dashes and underscores"));
        }
        if (title == null
                || title.isBlank()
                || title.trim().length() > MAX_TITLE
                || CONTROL.matcher(title).find()) {
            errors.add(new Problem.FieldError(
                    "title", "must be 1 to " + MAX_TITLE + " characters, without control characters"));
        }
        if (name.length() > MAX_FILE_NAME
                || name.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\' || c == 0x7F)) {
            errors.add(new Problem.FieldError("fileName", "must be at most " + MAX_FILE_NAME + " characters, no path"));
        }
        if (!isMediaType(mediaType)) {
            errors.add(new Problem.FieldError(
                    "Content-Type", "must name the file's media type, in at most " + MAX_MEDIA_TYPE + " characters"));
        }
        if (body.length == 0) {
            errors.add(new Problem.FieldError("body", "the file is empty"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (body.length > ContentCatalogue.MAX_BYTES) {
            throw new ProblemException(Problem.of(
                    "payload-too-large",
                    "The file is too large",
                    413,
                    "a content file is at most " + ContentCatalogue.MAX_BYTES + " bytes",
                    List.of()));
        }
        ContentFile file = new ContentFile(ref, title.trim(), mediaType, name, body);
        return new Stored(ContentInfo.of(file), catalogue.store(file));
    }

    /** A concrete type such as {@code application/pdf}, parameters allowed, that fits its column. */
    private static boolean isMediaType(String mediaType) {
        if (mediaType == null
                || mediaType.length() > MAX_MEDIA_TYPE
                || CONTROL.matcher(mediaType).find()) {
            return false;
        }
        try {
            MediaType parsed = MediaType.valueOf(mediaType);
            return !parsed.isWildcardType() && !parsed.isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
