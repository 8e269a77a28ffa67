package dev.faro.email.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The parts of a received message, depth-first, as a mail client walks them. */
final class MimeParts {

    private MimeParts() {}

    /** Every part of {@code part}, itself included, depth-first. */
    static List<Part> all(Part part) {
        List<Part> parts = new ArrayList<>();
        collect(part, parts);
        return parts;
    }

    /** The parts of the given MIME type (e.g. {@code image/png}, {@code multipart/related}). */
    static List<Part> ofType(Part message, String mimeType) {
        return all(message).stream().filter(p -> is(p, mimeType)).toList();
    }

    /** The direct children of a multipart part. */
    static List<Part> children(Part multipart) {
        try {
            Multipart content = (Multipart) multipart.getContent();
            List<Part> children = new ArrayList<>();
            for (int i = 0; i < content.getCount(); i++) {
                children.add(content.getBodyPart(i));
            }
            return children;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean is(Part part, String mimeType) {
        try {
            return part.isMimeType(mimeType);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Part part) {
        try {
            return (String) part.getContent();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, List<Part> parts) {
        parts.add(part);
        if (is(part, "multipart/*")) {
            for (Part child : children(part)) {
                collect(child, parts);
            }
        }
    }
}
