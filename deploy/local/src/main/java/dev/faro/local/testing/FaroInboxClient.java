package dev.faro.local.testing;

import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxJson;
import dev.faro.local.infra.InboxMessage;
import java.net.URI;
import java.util.List;

/** faro-local's web inbox ({@code GET/DELETE /api/messages}) over HTTP. */
final class FaroInboxClient implements Inbox {

    private final HttpJson http;

    FaroInboxClient(URI baseUrl) {
        this.http = new HttpJson(baseUrl);
    }

    @Override
    public List<InboxMessage> messages() {
        return InboxJson.read(http.get("/api/messages"));
    }

    @Override
    public void clear() {
        http.send("DELETE", "/api/messages");
    }
}
