-- The frequency cap counts the marketing mail of an address, not of a lead: one inbox gets at most N marketing
-- emails a week however many leads share it (a person in several campaigns, or a bot submitting someone else's
-- address to every form). The sender finds an address's leads through this index.
create index contact_address on contact (lower(email));

-- Set when the frequency cap lets an attempt through, and cleared when the message is claimed again: while the row
-- is 'attempting' with the mark, the message is on its way to the SMTP server and counts towards its address's cap,
-- so two senders writing to one address at the same moment cannot both take its last place.
alter table send_ledger add column frequency_counted boolean not null default false;
