package dev.faro.local.infra;

import java.util.List;

/** The mail the services sent, oldest first. */
public interface Inbox {

    List<InboxMessage> messages();

    /** The messages after the first {@code skipped}, in the order received: what is new to a reader that polls. */
    default List<InboxMessage> messagesAfter(int skipped) {
        List<InboxMessage> all = messages();
        return List.copyOf(all.subList(Math.min(Math.max(skipped, 0), all.size()), all.size()));
    }

    void clear();

    default List<InboxMessage> messagesTo(String address) {
        return messages().stream().filter(m -> m.isTo(address)).toList();
    }
}
