package dev.faro.local.infra;

import java.util.List;

/** The mail the services sent, oldest first. */
public interface Inbox {

    List<InboxMessage> messages();

    void clear();

    default List<InboxMessage> messagesTo(String address) {
        return messages().stream().filter(m -> m.isTo(address)).toList();
    }
}
