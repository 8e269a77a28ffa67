-- The latest state of every campaign as CampaignChanged announced it (lead-service owns campaigns).
-- A change applies only if its revision is newer, so replays and out-of-order copies change nothing.
create table campaign_view (
    campaign_id   varchar(63)  primary key,
    revision      bigint       not null,
    archived      boolean      not null,
    double_opt_in boolean      not null,
    locale        varchar(5)   not null,
    time_zone     varchar(64)  not null,
    state         jsonb        not null,
    updated_at    timestamptz  not null default now()
);
