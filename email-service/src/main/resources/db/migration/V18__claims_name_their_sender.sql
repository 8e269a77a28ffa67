-- A claim names the sender instance that made it and when. Each instance holds a PostgreSQL session lock named by its
-- key while it runs (SenderLiveness); the lock goes with the instance's connection when the process dies, so another
-- instance can take back a dead sender's claimed messages within seconds instead of waiting out their lease.
alter table send_ledger add column claimed_by integer;
alter table send_ledger add column claimed_at timestamptz;

-- The search for abandoned claims looks only at the few rows on their way to the SMTP server right now.
create index send_ledger_claimed on send_ledger (claimed_by) where status = 'attempting';
