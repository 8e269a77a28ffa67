package dev.faro.systemtest.hostile;

import java.nio.charset.StandardCharsets;

/** A request body as bytes (it need not be valid UTF-8), shown as text, shortened, in a failure report. */
record Body(byte[] bytes) {

    private static final int SHOWN = 2_000;

    static Body of(String text) {
        return new Body(text.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String text = text();
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "… (" + bytes.length + " bytes)" : text;
    }
}
