package dev.faro.email.sending;

import java.util.HashMap;
import java.util.Map;

/** The values every template sees ({@code name}, {@code footer}) plus one of the kind's own. */
public final class TemplateData {

    private TemplateData() {}

    public static Map<String, Object> of(Recipient recipient, String paramsName, Object params) {
        // HashMap: name and footer may be null, which Map.of refuses.
        Map<String, Object> data = new HashMap<>();
        data.put("name", recipient.name());
        data.put("footer", recipient.footer());
        data.put(paramsName, params);
        return data;
    }
}
