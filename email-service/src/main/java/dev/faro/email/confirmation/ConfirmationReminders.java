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
 * there (key, erasure, expiry, web link): no confirmation recorded, no reminder. An address whose reminder is still
 * waiting gets no second one from another lead: sign-ups with one address in a burst (a person signing up to several
 * campaigns at once, or a bot submitting someone's address to every form) get one reminder, as it promises to be
 * the only one, not one each.
 */
@ApplicationScoped
public class ConfirmationReminders {

    private static final Logger LOG = Logger.getLogger(ConfirmationReminders.class);
    private static final int FIRST_ATTEMPT = 1;
    /** Keeps these locks apart from any other advisory lock taken in this database ("CREM" in ASCII). */
    private static final int LOCK_SPACE = 0x4352454d;

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
        Optional<LinkParams> link = firstLink(requested.leadId());
        if (link.isEmpty()) {
            return;
        }
        if (addressHasAnotherReminderWaiting(requested.leadId())) {
            LOG.debugf("Lead %s gets no confirmation reminder: its address has one waiting", requested.leadId());
            return;
        }
        ledger.record(
                new SendIntent(requested.leadId(), ConfirmationReminderEmail.KIND, 0, requested.campaign(), link.get())
                        .dueAt(due.get()));
    }

    /**
     * Whether another lead with this lead's address has a confirmation reminder waiting or being sent. Asked under a
     * lock per address that the caller's transaction holds until it ends, so two sign-ups recorded at the same moment
     * cannot both find none.
     */
    private boolean addressHasAnotherReminderWaiting(UUID leadId) {
        List<?> address = entityManager
                .createNativeQuery("select email from contact where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList();
        if (address.isEmpty()) {
            return false;
        }
        entityManager
                .createNativeQuery("select count(*) from pg_advisory_xact_lock(:space, hashtext(lower(:address)))")
                .setParameter("space", LOCK_SPACE)
                .setParameter("address", address.get(0))
                .getSingleResult();
        return !entityManager
                .createNativeQuery(
                        """
                        select 1 from send_ledger l join contact c on c.lead_id = l.lead_id
                        where lower(c.email) = lower(:address) and l.lead_id <> :lead and l.message_kind = :kind
                          and l.status in ('pending', 'attempting')
                        limit 1
                        """)
                .setParameter("address", address.get(0))
                .setParameter("lead", leadId)
                .setParameter("kind", ConfirmationReminderEmail.KIND)
                .getResultList()
                .isEmpty();
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
