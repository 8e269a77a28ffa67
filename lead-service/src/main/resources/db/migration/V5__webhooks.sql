-- Outbound webhooks: a campaign's CRM receives each new or confirmed lead, signed with the webhook's secret.
-- Campaigns are archived, never deleted, so a webhook simply references its campaign.
create table webhook (
    id          uuid          primary key,
    campaign_id varchar(63)   not null references campaign (id),
    url         varchar(2048) not null check (url ~ '^https?://[^/?#@]+'),
    -- What signs every delivery (HMAC-SHA256 key). Shown once, when the webhook is created.
    secret      varchar(100)  not null check (length(secret) >= 32),
    created_at  timestamptz   not null default now()
);

create index webhook_by_campaign on webhook (campaign_id, created_at);

-- The events a webhook receives; the key makes each one a single subscription.
create table webhook_event (
    webhook_id uuid        not null references webhook (id) on delete cascade,
    event_type varchar(32) not null check (event_type in ('lead.captured', 'lead.confirmed')),
    primary key (webhook_id, event_type)
);

-- One row per event a webhook is to receive, queued in the transaction that changed the lead. The unique key
-- makes each (webhook, lead, event) one delivery however often its cause is reported. Deliveries go with their
-- lead when it is erased (nothing about that person is sent afterwards) and with their webhook when it is
-- deleted. status moves pending -> delivering (claimed until next_attempt_at) -> delivered, back to pending
-- after a failed attempt, or failed once the attempts run out; cancelled when the lead is gone at send time.
create table webhook_delivery (
    id              uuid        primary key,
    webhook_id      uuid        not null references webhook (id) on delete cascade,
    lead_id         uuid        not null references lead (id) on delete cascade,
    event_type      varchar(32) not null check (event_type in ('lead.captured', 'lead.confirmed')),
    occurred_at     timestamptz not null,
    status          varchar(16) not null default 'pending'
        check (status in ('pending', 'delivering', 'delivered', 'failed', 'cancelled')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null default now(),
    completed_at    timestamptz,
    constraint webhook_delivery_once unique (webhook_id, lead_id, event_type),
    constraint webhook_delivery_completed_when_final
        check ((status in ('delivered', 'failed', 'cancelled')) = (completed_at is not null))
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status in ('pending', 'delivering');
create index webhook_delivery_by_webhook on webhook_delivery (webhook_id, created_at, id);
create index webhook_delivery_by_lead on webhook_delivery (lead_id);

-- The delivery log: every attempt, with the receiver's status code or why there was none.
create table webhook_attempt (
    delivery_id  uuid         not null references webhook_delivery (id) on delete cascade,
    attempt      integer      not null check (attempt >= 1),
    attempted_at timestamptz  not null,
    status_code  integer      check (status_code between 100 and 599),
    error        varchar(500),
    duration_ms  integer      not null check (duration_ms >= 0),
    primary key (delivery_id, attempt),
    constraint webhook_attempt_has_outcome check (status_code is not null or error is not null)
);
