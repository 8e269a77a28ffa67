package dev.faro.email.unsubscribe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One block of {@code Name: value} fields as RFC 5322 writes them (a message's header, one group of a
 * delivery-status report, a feedback report): folded lines unfolded, names compared ignoring case.
 */
final class HeaderFields {

    private record Field(String name, String value) {}

    private final List<Field> fields;

    private HeaderFields(List<Field> fields) {
        this.fields = fields;
    }

    /** The fields of {@code block} up to its first empty line; lines that are not fields are skipped. */
    static HeaderFields parse(String block) {
        List<Field> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : block.split("\r\n|\r|\n", -1)) {
            if (line.isBlank()) {
                break;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation && current != null) {
                current.append(' ').append(line.strip());
                continue;
            }
            add(fields, current);
            current = new StringBuilder(line);
        }
        add(fields, current);
        return new HeaderFields(List.copyOf(fields));
    }

    /** The blank-line separated blocks of {@code text}, such as the groups of a delivery-status report. */
    static List<HeaderFields> parseGroups(String text) {
        List<HeaderFields> groups = new ArrayList<>();
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        for (String block : lines.split("\n[ \t]*\n")) {
            HeaderFields group = parse(block.replaceFirst("^\n+", ""));
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return groups;
    }

    Optional<String> first(String name) {
        return fields.stream()
                .filter(f -> f.name.equals(key(name)))
                .map(Field::value)
                .findFirst();
    }

    List<String> all(String name) {
        return fields.stream()
                .filter(f -> f.name.equals(key(name)))
                .map(Field::value)
                .toList();
    }

    boolean has(String name) {
        return first(name).isPresent();
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private static void add(List<Field> fields, StringBuilder line) {
        if (line == null) {
            return;
        }
        int colon = line.indexOf(":");
        if (colon < 1) {
            return;
        }
        String name = line.substring(0, colon).strip();
        if (!name.isEmpty() && name.chars().noneMatch(Character::isWhitespace)) {
            fields.add(new Field(key(name), line.substring(colon + 1).strip()));
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
