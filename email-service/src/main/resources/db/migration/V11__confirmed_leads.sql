-- The leads that followed their double opt-in link (LeadConfirmed), by id only: the sender checks it just before a
-- confirmation reminder goes out, which catches a confirmation that arrived while the reminder was being claimed.
create table confirmed_lead (
    lead_id      uuid        primary key,
    confirmed_at timestamptz not null default now()
);
