package dev.faro.email.reminder;

import dev.faro.contract.events.IncentiveExpiring;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.contract.events.IncentiveRedeemed;
import dev.faro.email.incentive.IncentiveEmail;
import dev.faro.email.privacy.ErasedLeads;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reminds a lead that its incentive code expires soon, once, and only while the code is unused. The reminder
 * is marketing: it goes only to contacts who gave marketing consent, unlike the incentive email itself.
 */
@ApplicationScoped
public class ExpiryReminders {

    private static final Logger LOG = Logger.getLogger(ExpiryReminders.class);

    private final EntityManager entityManager;
    private final SendLedger ledger;
    private final ErasedLeads erased;
    private final Event<IncentiveRedeemed> redemptions;

    public ExpiryReminders(
            EntityManager entityManager, SendLedger ledger, ErasedLeads erased, Event<IncentiveRedeemed> redemptions) {
        this.entityManager = entityManager;
        this.ledger = ledger;
        this.erased = erased;
        this.redemptions = redemptions;
    }

    /** Keeps the code of an issued incentive, for the reminder that may follow. */
    @Transactional(TxType.MANDATORY)
    public void issued(IncentiveIssued issued) {
        entityManager
                .createNativeQuery(
                        """
                        insert into reminder_incentive (incentive_id, lead_id, campaign, code)
                        values (:incentive, :lead, :campaign, :code)
                        on conflict (incentive_id) do update set code = coalesce(reminder_incentive.code, excluded.code)
                        """)
                .setParameter("incentive", issued.incentiveId())
                .setParameter("lead", issued.leadId())
                .setParameter("campaign", issued.campaign())
                .setParameter("code", blankToNull(issued.code()))
                .executeUpdate();
    }

    /** Records an intent to remind the lead, unless there is no one to remind or nothing left to remind of. */
    @Transactional(TxType.MANDATORY)
    public void expiring(IncentiveExpiring expiring) {
        if (erased.isErased(expiring.leadId())) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select i.code, i.redeemed_at is not null, c.marketing_consent,
                               exists (select 1 from send_ledger l
                                       where l.lead_id = i.lead_id and l.message_kind = :incentiveKind
                                         and l.status = 'sent' and l.params ->> 'code' = i.code)
                        from reminder_incentive i
                        left join contact c on c.lead_id = i.lead_id
                        where i.incentive_id = :incentive
                        """)
                .setParameter("incentive", expiring.incentiveId())
                .setParameter("incentiveKind", IncentiveEmail.KIND)
                .getResultList();
        if (rows.isEmpty()) {
            LOG.infof("No reminder for incentive %s: it was issued before reminders existed", expiring.incentiveId());
            return;
        }
        Object[] row = rows.get(0);
        String code = (String) row[0];
        boolean redeemed = (Boolean) row[1];
        boolean consenting = Boolean.TRUE.equals(row[2]);
        // A code the lead never received (its email failed, or a second incentive was issued) is not recalled.
        boolean delivered = (Boolean) row[3];
        if (code == null || redeemed || !consenting || !delivered) {
            return;
        }
        ledger.record(new SendIntent(
                expiring.leadId(),
                ExpiryReminderEmail.KIND,
                ExpiryReminderEmail.STEP,
                expiring.campaign(),
                new ExpiryReminderEmail.Params(code, expiring.expiresAt())));
    }

    /**
     * Remembers the redemption and withdraws a reminder not yet claimed by the sender. One already being
     * attempted is left alone: it may have reached the SMTP server, and the ledger must say so. Then tells, in this
     * transaction, what else a redemption ends (the nurture steps meant only for leads who have not bought).
     */
    @Transactional(TxType.MANDATORY)
    public void redeemed(IncentiveRedeemed redeemed) {
        entityManager
                .createNativeQuery(
                        """
                        insert into reminder_incentive (incentive_id, lead_id, campaign, redeemed_at)
                        values (:incentive, :lead, :campaign, now())
                        on conflict (incentive_id) do update
                            set redeemed_at = coalesce(reminder_incentive.redeemed_at, excluded.redeemed_at)
                        """)
                .setParameter("incentive", redeemed.incentiveId())
                .setParameter("lead", redeemed.leadId())
                .setParameter("campaign", redeemed.campaign())
                .executeUpdate();
        entityManager
                .createNativeQuery(
                        """
                        delete from send_ledger
                        where lead_id = :lead and message_kind = :kind and step = :step and status = 'pending'
                        """)
                .setParameter("lead", redeemed.leadId())
                .setParameter("kind", ExpiryReminderEmail.KIND)
                .setParameter("step", ExpiryReminderEmail.STEP)
                .executeUpdate();
        redemptions.fire(redeemed);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
