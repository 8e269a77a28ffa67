package dev.faro.local.infra;

import java.util.List;
import java.util.stream.Collectors;

/** The inbox's HTML. Every value that came from a message is escaped: mail content is untrusted input. */
final class InboxPages {

    private InboxPages() {}

    static String list(List<InboxMessage> messages) {
        StringBuilder rows = new StringBuilder();
        for (int i = messages.size(); i >= 1; i--) {
            InboxMessage m = messages.get(i - 1);
            rows.append("<tr><td>")
                    .append(m.receivedAt())
                    .append("</td><td><a href=\"/messages/")
                    .append(i)
                    .append("\">")
                    .append(escape(orDash(m.subject())))
                    .append("</a></td><td>")
                    .append(escape(String.join(", ", m.to())))
                    .append("</td><td>")
                    .append(escape(orDash(m.from())))
                    .append("</td></tr>\n");
        }
        String body = messages.isEmpty()
                ? "<p>No messages yet. Services send to SMTP on this machine; this page refreshes itself.</p>"
                : "<table><thead><tr><th>Received</th><th>Subject</th><th>To</th><th>From</th></tr></thead><tbody>\n"
                        + rows + "</tbody></table>";
        return page("Faro inbox (" + messages.size() + ")", "<meta http-equiv=\"refresh\" content=\"3\">", body);
    }

    static String message(int index, InboxMessage m) {
        String headers = m.headers().entrySet().stream()
                .flatMap(e -> e.getValue().stream()
                        .map(v -> "<tr><th>" + escape(e.getKey()) + "</th><td>" + escape(v) + "</td></tr>"))
                .collect(Collectors.joining("\n"));
        StringBuilder body = new StringBuilder()
                .append("<p><a href=\"/\">&larr; all messages</a></p>")
                .append("<h2>")
                .append(escape(orDash(m.subject())))
                .append("</h2><p>To ")
                .append(escape(String.join(", ", m.to())))
                .append(" &middot; from ")
                .append(escape(orDash(m.from())))
                .append(" &middot; ")
                .append(m.receivedAt())
                .append("</p><h3>Text</h3><pre>")
                .append(escape(m.text() == null ? "(no text part)" : m.text()))
                .append("</pre>");
        if (m.html() != null) {
            // An empty sandbox runs no scripts and cannot reach this page.
            body.append("<h3>HTML</h3><iframe sandbox srcdoc=\"")
                    .append(escape(m.html()))
                    .append("\"></iframe>");
        }
        body.append("<h3>Headers</h3><table>").append(headers).append("</table>");
        return page("Message " + index + " - Faro inbox", "", body.toString());
    }

    private static String page(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + head
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}"
                + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}iframe{width:100%;height:30em;border:1px solid #ddd}"
                + "</style></head><body><h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
