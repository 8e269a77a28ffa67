-- What the form tells about the person, and the visit that brought them. Attribution (landing page,
-- variant, visitor, referrer, UTM) is first-touch: written when the lead is created, as LeadCaptured
-- published it, and not overwritten by a later submission.
alter table lead
    add column phone        varchar(16),
    add column company      varchar(200),
    add column time_zone    varchar(64),
    add column landing_page varchar(200),
    add column variant      varchar(64),
    add column visitor_id   varchar(64),
    add column referrer     varchar(2048),
    add column utm_source   varchar(200),
    add column utm_medium   varchar(200),
    add column utm_campaign varchar(200),
    add column utm_term     varchar(200),
    add column utm_content  varchar(200);

-- Leads captured before this version were published with their campaign's zone.
update lead set time_zone = campaign.time_zone from campaign where campaign.id = lead.campaign_id;
alter table lead alter column time_zone set not null;

-- The consent ledger: one row per submission, appended and never updated, so every decision a person made
-- stays provable (what text they saw, by its hash; what they answered; when; from where). The lead row keeps
-- only the latest answer. Rows go with their lead when it is erased: they are that person's data.
create table consent_record (
    id           bigserial    primary key,
    lead_id      uuid         not null references lead (id) on delete cascade,
    purpose      varchar(32)  not null check (purpose in ('marketing')),
    granted      boolean      not null,
    text_version varchar(71),
    given_at     timestamptz  not null,
    truncated_ip varchar(45),
    user_agent   varchar(512)
);

create index consent_record_by_lead on consent_record (lead_id, given_at);

-- Existing leads start their ledger with the consent they gave; what they were shown and from where was
-- not recorded then.
insert into consent_record (lead_id, purpose, granted, given_at)
select id, 'marketing', marketing_consent, consent_given_at from lead;

-- The first answer to each Idempotency-Key. The primary key is what makes concurrent requests with one key
-- produce one answer: the second blocks on it until the first commits, then reads the answer. status and
-- body are empty only inside the claiming transaction, which fills them before it commits.
create table capture_idempotency (
    idempotency_key varchar(255) primary key,
    request_hash    varchar(64)  not null,
    status          smallint,
    body            text,
    created_at      timestamptz  not null,
    constraint capture_idempotency_answer_whole check ((status is null) = (body is null))
);

create index capture_idempotency_by_age on capture_idempotency (created_at);
