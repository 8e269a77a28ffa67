package dev.faro.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTTP endpoints a service's Java sources declare with JAX-RS: each resource method's full {@code @Path}
 * (class path + method path, constants resolved) and the roles it requires ({@code @RolesAllowed} on the method
 * or its class, unless the method says {@code @PermitAll}). Read from the sources, not from a running service, so
 * the manifests' tests need no Quarkus.
 */
final class ServiceResources {

    /** One resource method: its HTTP method, path template and the roles it needs (empty: anyone). */
    record Endpoint(String httpMethod, String path, Set<String> roles, String declaredIn) {

        boolean anonymous() {
            return roles.isEmpty();
        }

        /** Whether a concrete request path (no template) is an instance of this endpoint's template. */
        boolean matches(String requestPath) {
            return template().matcher(requestPath).matches();
        }

        /** Whether this endpoint's template lies at or below a path prefix, element by element. */
        boolean under(String prefix) {
            String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            return path.equals(p) || path.startsWith(p + "/");
        }

        /** JAX-RS prefers the template with the most literal characters. */
        int literalCharacters() {
            return path.replaceAll("\\{[^}]*}", "").length();
        }

        private Pattern template() {
            StringBuilder regex = new StringBuilder();
            Matcher m = Pattern.compile("\\{[^}]*}").matcher(path);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(path.substring(last, m.start()))).append("[^/]+");
                last = m.end();
            }
            regex.append(Pattern.quote(path.substring(last)));
            return Pattern.compile(regex.toString());
        }
    }

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Pattern STRING_CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*((?:\"[^\"]*\"\\s*\\+?\\s*)+);");
    private static final Map<String, List<Endpoint>> SCANNED = new ConcurrentHashMap<>();

    private ServiceResources() {}

    static List<Endpoint> of(String service) {
        return SCANNED.computeIfAbsent(service, ServiceResources::scan);
    }

    /** The endpoint JAX-RS would pick for a request path, if any. */
    static Optional<Endpoint> bestMatch(String service, String requestPath) {
        return of(service).stream()
                .filter(e -> e.matches(requestPath))
                .max(Comparator.comparingInt(Endpoint::literalCharacters));
    }

    static List<Endpoint> under(String service, String prefix) {
        return of(service).stream().filter(e -> e.under(prefix)).toList();
    }

    /** The static files the service serves from {@code META-INF/resources}. */
    static Path staticRoot(String service) {
        return Repository.root().resolve(service).resolve("src/main/resources/META-INF/resources");
    }

    private static List<Endpoint> scan(String service) {
        Path sources = Repository.root().resolve(service).resolve("src/main/java");
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                endpoints.addAll(endpointsIn(sources, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (endpoints.isEmpty()) {
            throw new IllegalStateException("found no JAX-RS endpoint in " + sources);
        }
        return List.copyOf(endpoints);
    }

    private static List<Endpoint> endpointsIn(Path sources, Path file) throws IOException {
        String source = withoutComments(Files.readString(file));
        if (!source.contains("@Path")) {
            return List.of();
        }
        List<Group> groups = annotationGroups(source);
        Optional<Group> type =
                groups.stream().filter(g -> g.declares.contains("class ")).findFirst();
        if (type.isEmpty()) {
            return List.of();
        }
        String classPath =
                type.get().value("Path").map(v -> resolve(v, sources, file)).orElse("");
        Set<String> classRoles = type.get().roles();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Group method : groups) {
            Optional<String> verb =
                    method.names().stream().filter(HTTP_METHODS::contains).findFirst();
            if (verb.isEmpty() || method == type.get()) {
                continue;
            }
            String methodPath =
                    method.value("Path").map(v -> resolve(v, sources, file)).orElse("");
            Set<String> roles = method.names().contains("PermitAll")
                    ? Set.of()
                    : method.names().contains("RolesAllowed") ? method.roles() : classRoles;
            endpoints.add(new Endpoint(
                    verb.get(),
                    join(classPath, methodPath),
                    roles,
                    file.getFileName().toString()));
        }
        return endpoints;
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** A {@code @Path} argument: string literals and String constants joined with {@code +}. */
    private static String resolve(String expression, Path sources, Path file) {
        StringBuilder value = new StringBuilder();
        for (String part : expression.split("\\+")) {
            String p = part.strip();
            if (p.startsWith("\"")) {
                value.append(p, 1, p.length() - 1);
            } else {
                value.append(constant(p, sources, file));
            }
        }
        return value.toString();
    }

    private static String constant(String reference, Path sources, Path file) {
        int dot = reference.lastIndexOf('.');
        String name = dot < 0 ? reference : reference.substring(dot + 1);
        String owner = dot < 0 ? null : reference.substring(0, dot);
        try {
            Path declaring = owner == null ? file : file.resolveSibling(owner + ".java");
            if (!Files.isRegularFile(declaring)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    declaring = files.filter(f -> f.getFileName().toString().equals(owner + ".java"))
                            .findFirst()
                            .orElseThrow(
                                    () -> new IllegalStateException("cannot resolve " + reference + " in " + file));
                }
            }
            Matcher m = STRING_CONSTANT.matcher(withoutComments(Files.readString(declaring)));
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return resolve(m.group(2), sources, declaring);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("cannot resolve " + reference + " in " + file);
    }

    /** Annotations standing together, and the start of the declaration they annotate. */
    private record Group(List<String[]> annotations, String declares) {

        List<String> names() {
            return annotations.stream().map(a -> a[0]).toList();
        }

        Optional<String> value(String name) {
            return annotations.stream()
                    .filter(a -> a[0].equals(name))
                    .map(a -> a[1].strip())
                    .findFirst();
        }

        Set<String> roles() {
            return value("RolesAllowed")
                    .map(v -> Set.of(v.replaceAll("[{}\\s]", "").split(",")))
                    .orElse(Set.of());
        }
    }

    /**
     * Every run of annotations in the source and what follows it up to the next bracket or semicolon. Parameter
     * annotations and field annotations are collected too; callers tell them apart by what they declare.
     */
    private static List<Group> annotationGroups(String source) {
        List<Group> groups = new ArrayList<>();
        List<String[]> current = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(source, i);
                continue;
            }
            if (c == '@' && i + 1 < source.length() && Character.isJavaIdentifierStart(source.charAt(i + 1))) {
                int nameEnd = i + 1;
                while (nameEnd < source.length()
                        && (Character.isJavaIdentifierPart(source.charAt(nameEnd)) || source.charAt(nameEnd) == '.')) {
                    nameEnd++;
                }
                String name = source.substring(i + 1, nameEnd);
                name = name.substring(name.lastIndexOf('.') + 1);
                int after = nameEnd;
                while (after < source.length() && Character.isWhitespace(source.charAt(after))) {
                    after++;
                }
                String argument = "";
                if (after < source.length() && source.charAt(after) == '(' && !name.equals("interface")) {
                    int close = closingParenthesis(source, after);
                    argument = source.substring(after + 1, close);
                    after = close + 1;
                }
                current.add(new String[] {name, argument});
                i = after;
                continue;
            }
            if (!current.isEmpty() && !Character.isWhitespace(c)) {
                int end = i;
                while (end < source.length() && "({;,)=".indexOf(source.charAt(end)) < 0) {
                    end++;
                }
                groups.add(new Group(List.copyOf(current), source.substring(i, end) + " "));
                current.clear();
            }
            i++;
        }
        return groups;
    }

    /** The index just past the string, text block or char literal starting at {@code start}. */
    private static int skipString(String source, int start) {
        if (source.startsWith("\"\"\"", start)) {
            int end = source.indexOf("\"\"\"", start + 3);
            return end < 0 ? source.length() : end + 3;
        }
        char quote = source.charAt(start);
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int closingParenthesis(String source, int open) {
        int depth = 0;
        int i = open;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(source, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new IllegalStateException("unbalanced parentheses");
    }

    /** The source with its comments blanked out, strings and char literals left as they are. */
    private static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = Math.min(skipString(source, i), source.length());
                code.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
                code.append(' ');
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(' ');
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
