-- Ids of the events this service has already acted on. A consumer inserts the id in the same transaction
-- as its side effect; the primary key turns a redelivery into a no-op.
create table processed_event (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now()
);
