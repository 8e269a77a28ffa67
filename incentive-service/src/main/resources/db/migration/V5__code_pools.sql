-- Imported code pools: codes a shop platform generated, handed out one per incentive.
create table code_pool (
    id                 varchar(63)  primary key check (id ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'),
    campaign_id        varchar(63)  not null,
    low_water          integer      not null check (low_water >= 0),
    -- Set when an allocation took the pool to its low-water mark, so CodePoolRunningLow is published once per
    -- crossing; an import that lifts the pool above the mark clears it.
    low_announced_at   timestamptz,
    created_at         timestamptz  not null default now()
);

-- A code is unique across all pools (the primary key), and goes to at most one incentive (the unique key); the
-- allocator takes free codes in import order with `for update skip locked`, so concurrent issues never wait on
-- nor share a row.
create table pool_code (
    seq           bigint       generated always as identity primary key,
    pool_id       varchar(63)  not null references code_pool (id),
    code          varchar(64)  not null,
    incentive_id  uuid,
    allocated_at  timestamptz,
    constraint pool_code_unique unique (code),
    constraint pool_code_one_per_incentive unique (incentive_id),
    constraint pool_code_allocated_together check ((incentive_id is null) = (allocated_at is null))
);
create index pool_code_free on pool_code (pool_id, seq) where incentive_id is null;

-- Imported codes are the shop's and may be longer than generated ones.
alter table incentive alter column code type varchar(64);

-- Downloadable content, served only through signed links (ContentLinks).
create table content_file (
    ref         varchar(63)   primary key check (ref ~ '^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$'),
    title       varchar(200)  not null,
    media_type  varchar(127)  not null,
    file_name   varchar(200)  not null,
    body        bytea         not null,
    updated_at  timestamptz   not null default now()
);

-- Each download through a signed link. Personal data (the truncated address, the user agent) goes with the lead:
-- ErasedLeads deletes the rows of an erased lead's incentives.
create table content_download (
    id            bigint        generated always as identity primary key,
    incentive_id  uuid          not null,
    content_ref   varchar(63)   not null,
    downloaded_at timestamptz   not null default now(),
    client_ip     varchar(64),
    user_agent    varchar(500)
);
create index content_download_incentive on content_download (incentive_id);
