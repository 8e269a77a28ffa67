-- The leads this service may write to, as their latest LeadCaptured described them. The incentive email is
-- what the lead asked for, so it goes out regardless of marketing_consent; later marketing steps need it.
create table contact (
    lead_id           uuid         primary key,
    campaign          varchar(63)  not null,
    email             varchar(254) not null,
    name              varchar(200),
    locale            varchar(2)   not null default 'es' check (locale in ('es', 'en')),
    marketing_consent boolean      not null,
    updated_at        timestamptz  not null default now()
);

-- One row per message a lead is due to receive. The unique key makes every intent idempotent: a second
-- IncentiveIssued for the same lead adds nothing, so the lead gets one email whatever Kafka redelivers.
--   pending    waiting for next_attempt_at (and for its contact, if LeadCaptured has not arrived yet)
--   attempting claimed by a sender; next_attempt_at is the end of its lease, after which a crashed
--              attempt is retried with the same message_id
--   sent       the SMTP server accepted it; EmailSent is in the outbox
--   failed     permanently rejected, or out of attempts; EmailFailed is in the outbox
create table send_ledger (
    id              bigserial    primary key,
    lead_id         uuid         not null,
    message_kind    varchar(40)  not null,
    step            integer      not null check (step >= 0),
    campaign        varchar(63)  not null,
    -- What the message's template needs, as its composer wrote it.
    params          jsonb        not null,
    status          varchar(10)  not null default 'pending'
                                 check (status in ('pending', 'attempting', 'sent', 'failed')),
    message_id      varchar(255),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(1000),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    constraint send_ledger_one_per_message unique (lead_id, message_kind, step),
    constraint send_ledger_sent_has_time check ((status = 'sent') = (sent_at is not null))
);

create index send_ledger_due on send_ledger (next_attempt_at) where status in ('pending', 'attempting');
