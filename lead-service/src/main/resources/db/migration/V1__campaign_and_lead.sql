create table campaign (
    id            varchar(63)  primary key,
    name          varchar(200) not null,
    locale        varchar(5)   not null,
    time_zone     varchar(64)  not null,
    double_opt_in boolean      not null default false,
    created_at    timestamptz  not null default now()
);

-- One lead per person and campaign: the unique key, not application code, makes concurrent duplicate
-- submissions collapse into one row.
create table lead (
    id                 uuid         primary key,
    campaign_id        varchar(63)  not null references campaign (id),
    email              varchar(254) not null,
    name               varchar(200),
    locale             varchar(5)   not null,
    marketing_consent  boolean      not null,
    consent_given_at   timestamptz  not null,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    constraint lead_one_per_campaign unique (campaign_id, email)
);
