-- Crypto-shredding: each lead's personal fields travel in Kafka sealed with a data key of its own. The key is
-- kept here wrapped with the key-wrapping key (a database dump alone opens nothing) and goes with its lead:
-- erasure deletes the row, and the key's copy on the compacted faro.lead-keys topic is replaced by a
-- destroyed marker.
create table lead_key (
    lead_id         uuid        primary key references lead (id) on delete cascade,
    wrapping_key_id varchar(32) not null,
    nonce           varchar(32) not null,
    wrapped_key     varchar(128) not null,
    created_at      timestamptz not null default now()
);

-- Erased people, by a keyed hash of their address (never the address itself). A replayed submission from
-- before the erasure (an old Idempotency-Key, a retried request) must not bring them back; a fresh sign-up
-- with new consent, after the erasure, is allowed.
create table suppression (
    email_hash varchar(64) primary key,
    erased_at  timestamptz not null
);
