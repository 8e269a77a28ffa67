-- Events waiting to be published. Written in the same transaction as the business change that caused
-- them; the relay publishes in seq order and stamps sent_at. The event id is fixed here, so a republish
-- after a crash carries the same id and consumers drop the copy.
create table outbox_event (
    seq          bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(100) not null,
    record_key   varchar(200) not null,
    event_type   varchar(100) not null,
    payload      text         not null,
    trace_parent varchar(100),
    trace_state  varchar(512),
    created_at   timestamptz  not null default now(),
    sent_at      timestamptz
);

create index outbox_event_unsent on outbox_event (seq) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;
