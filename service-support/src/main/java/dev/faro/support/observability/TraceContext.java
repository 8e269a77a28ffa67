package dev.faro.support.observability;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context (traceparent, tracestate) as Faro stores it beside work that continues later: outbox
 * rows, send-ledger rows and Kafka headers. One lead's path through the services stays one trace even where
 * the work crosses a database row instead of a call.
 */
public record TraceContext(String traceParent, String traceState) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** The context of the current span (its fields are null where there is none). */
    public static TraceContext current() {
        return of(Context.current());
    }

    public static TraceContext of(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** The context a record's producer put in its headers. */
    public static Context extract(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, KafkaHeaders.INSTANCE);
    }

    /** This context as a parent for work that continues it (the root context where none was stored). */
    public Context asParent() {
        Map<String, String> carrier = new HashMap<>();
        if (traceParent != null) {
            carrier.put(TRACEPARENT, traceParent);
        }
        if (traceState != null) {
            carrier.put(TRACESTATE, traceState);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MapGetter.INSTANCE);
    }

    /** Writes this context into Kafka headers. */
    public void writeTo(Headers headers) {
        if (traceParent != null) {
            headers.add(TRACEPARENT, traceParent.getBytes(StandardCharsets.UTF_8));
        }
        if (traceState != null) {
            headers.add(TRACESTATE, traceState.getBytes(StandardCharsets.UTF_8));
        }
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    private enum KafkaHeaders implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers headers) {
            return () ->
                    java.util.Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
