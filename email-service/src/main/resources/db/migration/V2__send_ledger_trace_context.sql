-- The trace of the event that caused each message, so the send (and its EmailSent) joins that trace even
-- though it happens later, on the sender's thread.
alter table send_ledger
    add column trace_parent varchar(100),
    add column trace_state  varchar(512);
