-- Two more final states, so the delivery report tells a delivery problem ('failed') from a rule working:
--   suppressed  refused before sending: the address is suppressed, or marketing lacks consent (EmailFailed says so)
--   cancelled   no longer wanted before it went out: a nurture step after a redemption, an unsubscribe or an unmet
--               condition, a confirmation reminder after the confirmation (no event)
alter table send_ledger drop constraint send_ledger_status_check;
alter table send_ledger add constraint send_ledger_status_check
    check (status in ('pending', 'attempting', 'sent', 'failed', 'suppressed', 'cancelled'));

-- Mail to someone who is not a lead (a marketer's digest) names its address here; for a lead it is null and the
-- address comes from the contact, so erasing the contact leaves no copy of it in the ledger.
alter table send_ledger add column address varchar(254);
