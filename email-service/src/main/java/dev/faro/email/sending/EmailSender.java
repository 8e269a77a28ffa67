package dev.faro.email.sending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.contact.ContactSaved;
import dev.faro.email.unsubscribe.SuppressionList;
import dev.faro.email.unsubscribe.SuppressionReason;
import dev.faro.email.unsubscribe.UnsubscribeLinks;
import dev.faro.support.worker.WakeableWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends what the ledger says is due, from its own thread: the Kafka consumers only record intents, so an
 * SMTP outage slows email down but never holds a partition. Each message is claimed (and its Message-ID
 * fixed) in one transaction, sent with no transaction open, and its outcome recorded with the event that
 * reports it in another. A crash between sending and recording sends the message again after the claim
 * runs out, with the same Message-ID, so the receiving side can recognise the copy.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private final SendLedger ledger;
    private final Map<String, MessageComposer<?>> composers;
    private final EmailConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final Tracer tracer;
    private final SuppressionList suppressions;
    private final UnsubscribeLinks unsubscribeLinks;
    private WakeableWorker worker;

    public EmailSender(
            SendLedger ledger,
            Instance<MessageComposer<?>> composers,
            EmailConfig config,
            ObjectMapper mapper,
            MeterRegistry meters,
            OpenTelemetry openTelemetry,
            SuppressionList suppressions,
            UnsubscribeLinks unsubscribeLinks) {
        this.tracer = openTelemetry.getTracer("dev.faro.email");
        this.ledger = ledger;
        this.composers = composers.stream().collect(Collectors.toMap(MessageComposer::kind, Function.identity()));
        this.config = config;
        this.mapper = mapper;
        this.meters = meters;
        this.suppressions = suppressions;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.sending().enabled()) {
            return;
        }
        // A failing step means the database is unreachable, say: a claimed message is retried when its
        // claim runs out.
        worker = new WakeableWorker(
                "email-sender",
                this::sendNextDue,
                config.sending().pollInterval(),
                config.sending().pollInterval(),
                LOG);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker != null) {
            worker.stop(config.sending().sendTimeout().plusSeconds(5));
        }
    }

    void onIntentRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SendIntentRecorded recorded) {
        wake();
    }

    /** An intent may have been waiting for this contact. */
    void onContactSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactSaved saved) {
        wake();
    }

    private void wake() {
        if (worker != null) {
            worker.wake();
        }
    }

    /** Sends the next due message, if there is one; false when nothing is due. */
    boolean sendNextDue() {
        var claimed = ledger.claimNext(config.sending().attemptTimeout());
        if (claimed.isEmpty()) {
            return false;
        }
        DueMessage message = claimed.get();
        Span span = tracer.spanBuilder("send " + message.kind() + " email")
                .setParent(message.trace().asParent())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("faro.message.id", message.messageId())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            deliver(message);
        } finally {
            span.end();
        }
        return true;
    }

    /** One attempt at a claimed message, and the record of its outcome. */
    private void deliver(DueMessage message) {
        MessageComposer<?> composer = composers.get(message.kind());
        if (composer == null) {
            recordFailure(
                    message,
                    DeliveryFailure.of(new IllegalStateException("no composer for message kind " + message.kind())));
            return;
        }
        Optional<String> refusal = suppressions.refusal(
                message.leadId(), message.campaign(), message.recipient().email(), composer.category());
        if (refusal.isPresent()) {
            if (ledger.markFailed(message, true, refusal.get())) {
                count(message, "suppressed");
                LOG.infof("Skipped %s to lead %s: %s", message.messageId(), message.leadId(), refusal.get());
            }
            return;
        }
        try {
            compose(composer, message).send().await().atMost(config.sending().sendTimeout());
        } catch (RuntimeException e) {
            recordFailure(message, DeliveryFailure.of(e));
            return;
        }
        if (ledger.markSent(message)) {
            count(message, "sent");
            LOG.debugf("Sent %s to lead %s", message.messageId(), message.leadId());
        } else {
            LOG.warnf("Sent %s but its claim had run out; the attempt that took over reports it", message.messageId());
        }
    }

    private void recordFailure(DueMessage message, DeliveryFailure failure) {
        int maxAttempts = config.sending().maxAttempts();
        if (failure.permanent() || message.attempt() >= maxAttempts) {
            String reason = failure.permanent()
                    ? failure.reason()
                    : "gave up after " + maxAttempts + " attempts: " + failure.reason();
            if (failure.permanent()) {
                // A 5xx means the address (or the server) will keep refusing: stop marketing to it.
                suppressions.add(message.recipient().email(), Unsubscribed.SCOPE_ALL, SuppressionReason.HARD_BOUNCED);
            }
            if (ledger.markFailed(message, failure.permanent(), reason)) {
                count(message, "failed");
                LOG.warnf("Gave up %s to lead %s: %s", message.messageId(), message.leadId(), reason);
            }
            return;
        }
        Duration delay = Backoff.after(
                message.attempt(),
                config.sending().initialBackoff(),
                config.sending().maxBackoff(),
                ThreadLocalRandom.current());
        if (ledger.retryLater(message, delay, failure.reason())) {
            count(message, "retry");
            LOG.infof(
                    "Attempt %d at %s failed (%s); retrying in %s",
                    message.attempt(), message.messageId(), failure.reason(), delay);
        }
    }

    private MailTemplateInstance compose(MessageComposer<?> composer, DueMessage message) {
        Mail envelope = new Mail()
                .setFrom(config.from())
                .addTo(message.recipient().email())
                .addHeader("Message-ID", message.messageId());
        Recipient recipient = message.recipient();
        if (composer.category().carriesUnsubscribe()) {
            String unsubscribeUrl = unsubscribeLinks.url(message.leadId());
            // RFC 8058: a mail client may offer one-click unsubscribe by posting to the URL.
            envelope.addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            recipient = recipient.withFooter(new Footer(unsubscribeUrl, config.postalAddress()));
        }
        return compose(composer, message, recipient, envelope);
    }

    private <P> MailTemplateInstance compose(
            MessageComposer<P> composer, DueMessage message, Recipient recipient, Mail envelope) {
        P params;
        try {
            params = mapper.readValue(message.params(), composer.paramsType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable params for " + message.messageId(), e);
        }
        return composer.compose(recipient, params, envelope);
    }

    private void count(DueMessage message, String outcome) {
        meters.counter("faro.email.attempts", "kind", message.kind(), "outcome", outcome)
                .increment();
    }
}
