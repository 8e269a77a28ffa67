package dev.faro.email.confirmation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.email.link.LinkParams;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Schedules the single reminder a lead gets when the first confirmation email goes unanswered. Its ledger step is
 * always 0, so however many attempts lead-service asks for (and Kafka redelivers) there is at most one reminder
 * per lead. It repeats the link of attempt 1 exactly as that message stored it, after the checks the link passed
 * there (key, erasure, expiry, web link): no confirmation recorded, no reminder.
 */
@ApplicationScoped
public class ConfirmationReminders {

    private static final Logger LOG = Logger.getLogger(ConfirmationReminders.class);
    private static final int FIRST_ATTEMPT = 1;

    private final EntityManager entityManager;
    private final SendLedger ledger;
    private final ObjectMapper mapper;
    private final ConfirmationConfig config;

    public ConfirmationReminders(
            EntityManager entityManager, SendLedger ledger, ObjectMapper mapper, ConfirmationConfig config) {
        this.entityManager = entityManager;
        this.ledger = ledger;
        this.mapper = mapper;
        this.config = config;
    }

    /** Call after each request's confirmation was recorded, in the same transaction; only attempt 1 schedules. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(ConfirmationRequested requested, Instant now) {
        if (requested.attempt() != FIRST_ATTEMPT) {
            return;
        }
        Optional<Instant> due = ReminderSchedule.dueAt(now, requested.expiresAt(), config.reminderDelay());
        if (due.isEmpty()) {
            LOG.debugf("The confirmation link of lead %s expires too soon for a reminder", requested.leadId());
            return;
        }
        firstLink(requested.leadId())
                .ifPresent(link -> ledger.record(new SendIntent(
                                requested.leadId(), ConfirmationReminderEmail.KIND, 0, requested.campaign(), link)
                        .dueAt(due.get())));
    }

    /** The link the first confirmation email carries, if it was recorded (and not since erased). */
    private Optional<LinkParams> firstLink(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object> params = entityManager
                .createNativeQuery(
                        """
                        select cast(params as text) from send_ledger
                        where lead_id = :lead and message_kind = :kind and step = :step
                        """)
                .setParameter("lead", leadId)
                .setParameter("kind", ConfirmationEmail.KIND)
                .setParameter("step", FIRST_ATTEMPT)
                .getResultList();
        if (params.isEmpty()) {
            return Optional.empty();
        }
        try {
            LinkParams link = mapper.readValue((String) params.get(0), LinkParams.class);
            // Erasure empties the params of what was sent.
            return link.url() == null || link.expiresAt() == null ? Optional.empty() : Optional.of(link);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable confirmation link of lead " + leadId, e);
        }
    }
}
