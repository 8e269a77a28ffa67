-- Digest emails (dev.faro.analytics.digest). Who receives a campaign's digest, set by a marketer through the
-- admin API and replaced as a whole. The addresses are marketers' work addresses, Faro's own users: no lead's
-- data is here, and erasing a lead never needs to touch these tables.
create table digest_subscription (
    campaign   varchar(63) primary key,
    frequency  varchar(10) not null check (frequency in ('daily', 'weekly')),
    -- When the frequency was set: only periods ending after it get a digest.
    since      timestamptz not null,
    updated_at timestamptz not null
);

create table digest_subscriber (
    campaign  varchar(63)  not null references digest_subscription (campaign) on delete cascade,
    ordinal   int          not null,
    email     varchar(254) not null,
    locale    varchar(2)   not null,
    time_zone varchar(64)  not null,
    primary key (campaign, ordinal)
);

-- One row per digest published: campaign × period × (language, time zone). It is inserted in the transaction that
-- appends the DigestReady to the outbox, and its key makes a second publication impossible, whichever replica or
-- restart tries. No addresses: only how many recipients there were.
create table digest_published (
    campaign     varchar(63) not null,
    period_start date        not null,
    period_end   date        not null,
    locale       varchar(2)  not null,
    time_zone    varchar(64) not null,
    recipients   int         not null,
    published_at timestamptz not null,
    primary key (campaign, period_start, period_end, locale, time_zone)
);
