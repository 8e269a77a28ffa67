-- The sender's claim walks send_ledger_due from its oldest entry. Every message leaves two dead entries there (pending
-- to attempting, attempting to sent), and they stay until a vacuum removes them: meanwhile each claim reads past them,
-- hundreds of index pages after a busy hour, to find a handful of due rows (0.7-1.1 ms a claim against 0.08 ms just
-- after a vacuum, measured under the end-to-end benchmark). The default threshold, a fifth of the table, grows with
-- the ledger, so vacuum after a fixed number of changes instead; and always clean the indexes, which PostgreSQL 14 and
-- later may otherwise skip when the dead rows sit on few heap pages, as a queue's do.
alter table send_ledger set (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 2000,
    vacuum_index_cleanup = on
);
