package dev.faro.local.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox's JSON: {@code [{"messageId","to":[..],"from","subject","text","html","headers":{name: value or
 * [values]},"receivedAt"}]}, oldest first.
 */
public final class InboxJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InboxJson() {}

    public static String write(List<InboxMessage> messages) {
        ArrayNode array = MAPPER.createArrayNode();
        for (InboxMessage message : messages) {
            ObjectNode node = array.addObject();
            node.put("messageId", message.messageId());
            ArrayNode to = node.putArray("to");
            message.to().forEach(to::add);
            node.put("from", message.from());
            node.put("subject", message.subject());
            node.put("text", message.text());
            node.put("html", message.html());
            ObjectNode headers = node.putObject("headers");
            message.headers().forEach((name, values) -> {
                if (values.size() == 1) {
                    headers.put(name, values.get(0));
                } else {
                    values.forEach(headers.putArray(name)::add);
                }
            });
            node.put("receivedAt", message.receivedAt().toString());
        }
        try {
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<InboxMessage> read(String json) {
        try {
            List<InboxMessage> messages = new ArrayList<>();
            for (JsonNode node : MAPPER.readTree(json)) {
                List<String> to = new ArrayList<>();
                node.path("to").forEach(address -> to.add(address.asText()));
                messages.add(new InboxMessage(
                        text(node, "messageId"),
                        to,
                        text(node, "from"),
                        text(node, "subject"),
                        text(node, "text"),
                        text(node, "html"),
                        headers(node.path("headers")),
                        Instant.parse(node.path("receivedAt").asText())));
            }
            return messages;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not an inbox JSON document", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, List<String>> headers(JsonNode node) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            List<String> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(field.getValue().asText());
            }
            headers.put(field.getKey(), values);
        }
        return headers;
    }
}
