-- A message recorded before its lead's contact (an IncentiveIssued that overtook the lead's LeadCaptured, which waits
-- for the lead's data key) cannot be sent yet. It used to sit among the due rows, and every claim walked past it:
-- under the end-to-end benchmark's load a thousand such rows were due at once, each claim read them all (2-10 ms) to
-- find nothing, and that work was taken from the consumers that would have saved the contacts. Such a row is now
-- marked when it is recorded and left out of the sender's index; the transaction that saves the lead's contact clears
-- the mark (both hold the lead's lock, so neither can miss the other).
alter table send_ledger add column awaiting_recipient boolean not null default false;

update send_ledger l set awaiting_recipient = true
where l.status in ('pending', 'attempting') and l.address is null
  and not exists (select 1 from contact c where c.lead_id = l.lead_id);

drop index send_ledger_due;
create index send_ledger_due on send_ledger (next_attempt_at)
    where status in ('pending', 'attempting') and not awaiting_recipient;
