package dev.faro.email.sending;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.contact.ContactSaved;
import dev.faro.email.unsubscribe.SuppressionList;
import dev.faro.email.unsubscribe.SuppressionReason;
import dev.faro.email.unsubscribe.UnsubscribeLinks;
import dev.faro.support.problem.DatabaseOutage;
import dev.faro.support.worker.WakeableWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends what the ledger says is due, from its own thread: the Kafka consumers only record intents, so an
 * SMTP outage slows email down but never holds a partition. Messages are claimed (and their Message-IDs
 * fixed) a batch per transaction; each is sent with no transaction open and its outcome recorded with the event
 * that reports it in a transaction of its own. A crash between sending and recording sends the message again
 * after the claim runs out, with the same Message-ID, so the receiving side can recognise the copy.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final long MAX_RECORD_PAUSE_MILLIS = 5_000;

    private final SendLedger ledger;
    private final Map<String, MessageComposer<?>> composers;
    private final EmailConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final Tracer tracer;
    private final SuppressionList suppressions;
    private final UnsubscribeLinks unsubscribeLinks;
    private final List<SendGate> gates;
    private final List<MailFinisher> finishers;
    private final ReactiveMailer mailer;
    private final Vertx vertx;
    private final CampaignWording wording;
    private final SenderLiveness liveness;
    /** Where every send starts: one Vert.x event loop (see {@link #transmit}); set at start-up. */
    private Executor mailClientLoop;

    private final List<WakeableWorker> workers = new ArrayList<>();
    /** Set at shutdown: a sender finishes the send in progress and hands the rest of its batch back. */
    private volatile boolean stopping;

    public EmailSender(
            SendLedger ledger,
            Instance<MessageComposer<?>> composers,
            EmailConfig config,
            ObjectMapper mapper,
            MeterRegistry meters,
            OpenTelemetry openTelemetry,
            SuppressionList suppressions,
            UnsubscribeLinks unsubscribeLinks,
            Instance<SendGate> gates,
            Instance<MailFinisher> finishers,
            ReactiveMailer mailer,
            Vertx vertx,
            CampaignWording wording,
            SenderLiveness liveness) {
        this.tracer = openTelemetry.getTracer("dev.faro.email");
        this.ledger = ledger;
        this.composers = composers.stream().collect(Collectors.toMap(MessageComposer::kind, Function.identity()));
        this.config = config;
        this.mapper = mapper;
        this.meters = meters;
        this.suppressions = suppressions;
        this.unsubscribeLinks = unsubscribeLinks;
        this.gates =
                gates.stream().sorted(Comparator.comparingInt(SendGate::order)).toList();
        this.finishers = finishers.stream()
                .sorted(Comparator.comparingInt(MailFinisher::order))
                .toList();
        this.mailer = mailer;
        this.vertx = vertx;
        this.wording = wording;
        this.liveness = liveness;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.sending().enabled()) {
            return;
        }
        Context loop = vertx.getOrCreateContext();
        mailClientLoop = task -> loop.runOnContext(ignored -> task.run());
        // A failing step means the database is unreachable, say: a claimed message is retried when its
        // claim runs out.
        int concurrency = config.sending().concurrency();
        for (int index = 0; index < concurrency; index++) {
            SenderShare share = new SenderShare(index, concurrency);
            workers.add(new WakeableWorker(
                    "email-sender-" + index,
                    () -> sendDue(share),
                    config.sending().pollInterval(),
                    config.sending().pollInterval(),
                    LOG));
        }
        workers.forEach(WakeableWorker::start);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        for (WakeableWorker worker : workers) {
            worker.stop(config.sending().sendTimeout().plusSeconds(5));
        }
    }

    void onIntentRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SendIntentRecorded recorded) {
        wakeSenderOf(recorded.leadId());
    }

    /** An intent may have been waiting for this contact. */
    void onContactSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactSaved saved) {
        wakeSenderOf(saved.leadId());
    }

    /** Only the thread whose share holds the lead will claim its messages: the others would find nothing. */
    private void wakeSenderOf(UUID leadId) {
        if (!workers.isEmpty()) {
            workers.get(SenderShare.indexOf(leadId, workers.size())).wake();
        }
    }

    /**
     * Claims a batch of this share's due messages and attempts them in order; true when the batch was full, so more
     * are probably due. One claim serves many messages when the sender is behind, and a short batch means the share
     * is drained: the thread then sleeps until a commit wakes it instead of claiming again to find nothing.
     */
    boolean sendDue(SenderShare share) {
        if (!liveness.held()) {
            // Claims made now could be judged abandoned by another instance: wait for the lock to be taken again.
            return false;
        }
        List<DueMessage> claimed = ledger.claimDue(
                config.sending().attemptTimeout(),
                config.sending().sendTimeout(),
                share,
                config.sending().claimBatch(),
                liveness.key());
        for (int next = 0; next < claimed.size(); next++) {
            if (stopping) {
                // Unattempted, they are due again at once for whichever sender runs next, with no attempt spent.
                claimed.subList(next, claimed.size()).forEach(ledger::release);
                return false;
            }
            try {
                send(claimed.get(next));
            } catch (RuntimeException e) {
                // Only this message waits for its lease to run out; the rest need not.
                releaseQuietly(claimed.subList(next + 1, claimed.size()));
                throw e;
            }
        }
        return claimed.size() == config.sending().claimBatch();
    }

    /** Best effort: when the database is what failed, the leases hand the messages back instead. */
    private void releaseQuietly(List<DueMessage> unattempted) {
        try {
            unattempted.forEach(ledger::release);
        } catch (RuntimeException e) {
            LOG.debugf("Could not hand back %d claimed messages: %s", unattempted.size(), e.getMessage());
        }
    }

    private void send(DueMessage message) {
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
    }

    /** One attempt at a claimed message, and the record of its outcome. */
    private void deliver(DueMessage message) {
        MessageComposer<?> composer = composers.get(message.kind());
        if (composer == null) {
            recordFailure(
                    message,
                    MailCategory.TRANSACTIONAL,
                    DeliveryFailure.of(new IllegalStateException("no composer for message kind " + message.kind())));
            return;
        }
        MailCategory category = composer.category();
        ComposedMail composed;
        try {
            SendVerdict verdict = verdict(message, category);
            if (!(verdict instanceof SendVerdict.Go)) {
                obey(verdict, message, category);
                return;
            }
            composed = finish(message, category, compose(composer, message, category));
        } catch (UnwritableMessageException e) {
            if (ledger.markFailed(message, category, true, e.getMessage())) {
                count(message, "failed");
                LOG.warnf("Gave up %s to lead %s: %s", message.messageId(), message.leadId(), e.getMessage());
            }
            return;
        }
        try {
            transmit(envelope(message, category, composed));
        } catch (RuntimeException e) {
            recordFailure(message, category, DeliveryFailure.of(e));
            return;
        }
        if (markSentThroughOutage(message, category)) {
            count(message, "sent");
            LOG.debugf("Sent %s to lead %s", message.messageId(), message.leadId());
        } else {
            LOG.warnf("Sent %s but its claim had run out; the attempt that took over reports it", message.messageId());
        }
    }

    /**
     * Records that the server took the message, waiting out a database outage: left to its lease instead, the
     * message would be sent a second time when the lease ran out. While the database is away no other sender can
     * claim it, so the record still finds the claim its own when the database is back. Stopping gives up; then the
     * lease decides, as after a crash.
     */
    private boolean markSentThroughOutage(DueMessage message, MailCategory category) {
        long pauseMillis = 200;
        while (true) {
            try {
                return ledger.markSent(message, category);
            } catch (RuntimeException e) {
                if (stopping || !DatabaseOutage.causedBy(e)) {
                    throw e;
                }
                LOG.warnf(
                        "Sent %s but the database is unreachable to record it; trying again in %d ms",
                        message.messageId(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, MAX_RECORD_PAUSE_MILLIS);
            }
        }
    }

    /**
     * Hands the mail to the SMTP client on one event loop and waits for the server's answer. Called from the sender
     * threads themselves, the Vert.x mail client sometimes set up a new pooled connection on one thread while the
     * server's greeting was read on another, before any handler listened: the greeting was lost and client and
     * server each waited for the other until the server's idle timeout, long after the send timeout. With every
     * request for a connection made from the same event loop, the connection is set up on the thread that reads it.
     */
    private void transmit(Mail mail) {
        mailer.send(mail)
                .runSubscriptionOn(mailClientLoop)
                .await()
                .atMost(config.sending().sendTimeout());
    }

    /** What the first gate with an objection says, or go. */
    private SendVerdict verdict(DueMessage message, MailCategory category) {
        for (SendGate gate : gates) {
            SendVerdict verdict = gate.check(message, category);
            if (!(verdict instanceof SendVerdict.Go)) {
                return verdict;
            }
        }
        return SendVerdict.go();
    }

    private void obey(SendVerdict verdict, DueMessage message, MailCategory category) {
        if (verdict instanceof SendVerdict.Refuse refuse) {
            if (ledger.markSuppressed(message, category, refuse.reason())) {
                count(message, "suppressed");
                LOG.infof("Skipped %s to lead %s: %s", message.messageId(), message.leadId(), refuse.reason());
            }
        } else if (verdict instanceof SendVerdict.Cancel cancel) {
            if (ledger.cancel(message, cancel.reason())) {
                count(message, "cancelled");
                LOG.debugf("Cancelled %s: %s", message.messageId(), cancel.reason());
            }
        } else if (verdict instanceof SendVerdict.Defer defer) {
            if (ledger.defer(message, defer.until(), defer.reason())) {
                count(message, "deferred");
                LOG.debugf("Deferred %s until %s: %s", message.messageId(), defer.until(), defer.reason());
            }
        }
    }

    private void recordFailure(DueMessage message, MailCategory category, DeliveryFailure failure) {
        int maxAttempts = config.sending().maxAttempts();
        if (failure.permanent() || message.attempt() >= maxAttempts) {
            String reason = failure.permanent()
                    ? failure.reason()
                    : "gave up after " + maxAttempts + " attempts: " + failure.reason();
            if (failure.permanent() && category.reportsToLeadEvents()) {
                // A 5xx means the address (or the server) will keep refusing: stop marketing to it.
                suppressions.add(message.recipient().email(), Unsubscribed.SCOPE_ALL, SuppressionReason.HARD_BOUNCED);
            }
            if (ledger.markFailed(message, category, failure.permanent(), reason)) {
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

    /** The subject and bodies, with the unsubscribe footer where the category carries one. */
    private ComposedMail compose(MessageComposer<?> composer, DueMessage message, MailCategory category) {
        Recipient recipient = message.recipient();
        if (category.carriesUnsubscribe()) {
            recipient =
                    recipient.withFooter(new Footer(unsubscribeLinks.url(message.leadId()), config.postalAddress()));
        }
        return compose(composer, message, recipient);
    }

    private <P> ComposedMail compose(MessageComposer<P> composer, DueMessage message, Recipient recipient) {
        P read = message.readParams(mapper, composer.paramsType());
        return wording.compose(
                        message.campaign(),
                        composer.templateName(read),
                        recipient,
                        () -> composer.templateData(recipient, read))
                .orElseGet(() -> composer.compose(recipient, read));
    }

    private ComposedMail finish(DueMessage message, MailCategory category, ComposedMail mail) {
        ComposedMail finished = mail;
        for (MailFinisher finisher : finishers) {
            finished = finisher.finish(message, category, finished);
        }
        return finished;
    }

    /** From, To, the Message-ID every attempt shares and, outside transactional mail, RFC 8058's headers. */
    private Mail envelope(DueMessage message, MailCategory category, ComposedMail composed) {
        Mail mail = new Mail()
                .setFrom(config.from())
                .addTo(message.recipient().email())
                .addHeader("Message-ID", message.messageId())
                .setSubject(composed.subject())
                .setHtml(composed.html())
                .setText(composed.text());
        for (ComposedMail.InlineImage image : composed.inlineImages()) {
            mail.addInlineAttachment(
                    image.contentId(), image.data(), image.contentType(), "<" + image.contentId() + ">");
        }
        if (category.carriesUnsubscribe()) {
            // RFC 8058: a mail client may offer one-click unsubscribe by posting to the URL, which comes first. The
            // optional mailto (RFC 2369) carries the URL's token, so whoever reads that mailbox can act on it.
            String url = unsubscribeLinks.url(message.leadId());
            String mailto = config.unsubscribeMailto()
                    .map(address -> ", <mailto:" + address + "?subject=unsubscribe%20"
                            + url.substring(url.lastIndexOf('/') + 1) + ">")
                    .orElse("");
            mail.addHeader("List-Unsubscribe", "<" + url + ">" + mailto)
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    private void count(DueMessage message, String outcome) {
        meters.counter("faro.email.attempts", "kind", message.kind(), "outcome", outcome)
                .increment();
    }
}
