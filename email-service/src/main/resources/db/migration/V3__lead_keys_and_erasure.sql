-- Crypto-shredding, consumer side. The data key of each lead, as lead-service published it on faro.lead-keys
-- (still wrapped: unwrapped only in memory, when a sealed event is opened).
create table lead_key (
    lead_id         uuid         primary key,
    wrapping_key_id varchar(32)  not null,
    nonce           varchar(32)  not null,
    wrapped_key     varchar(128) not null,
    received_at     timestamptz  not null default now()
);

-- Leads that were erased. Only the id (a random UUID) stays, so a replayed or late event about the person
-- is recognised and ignored rather than bringing their address back.
create table erased_lead (
    lead_id   uuid        primary key,
    erased_at timestamptz not null default now()
);
