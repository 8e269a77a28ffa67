package dev.faro.support.inbox;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** What a consumer does with each event type it cares about; other types on its topics are skipped. */
public final class EventHandlers {

    /** Runs inside the transaction that records the event as processed. */
    @FunctionalInterface
    public interface Handler<T extends Record> {
        void handle(EventEnvelope event, T data);
    }

    private final Map<EventType, Handler<Record>> handlers;

    private EventHandlers(Map<EventType, Handler<Record>> handlers) {
        this.handlers = handlers;
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Handler<Record>> forType(EventType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    public boolean handles(EventType type) {
        return handlers.containsKey(type);
    }

    /**
     * Runs the handler of the event's type in the caller's transaction, for a replay of the log that decodes and
     * deduplicates on its own; an event of a type nobody handles is ignored.
     */
    public void dispatch(EventEnvelope event, Record data) {
        Handler<Record> handler = handlers.get(event.eventType());
        if (handler != null) {
            handler.handle(event, data);
        }
    }

    public static final class Builder {
        private final Map<EventType, Handler<Record>> handlers = new EnumMap<>(EventType.class);

        @SuppressWarnings("unchecked")
        public <T extends Record> Builder on(Class<T> dataClass, Handler<T> handler) {
            handlers.put(EventType.of(dataClass), (Handler<Record>) handler);
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(new EnumMap<>(handlers));
        }
    }
}
