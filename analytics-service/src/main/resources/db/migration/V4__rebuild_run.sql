-- Rebuilds of the aggregates from the beginning of the event log (dev.faro.analytics.rebuild): one row per
-- run, so every replica can report the progress of the one that runs it. The partial unique index lets only
-- one run be under way at a time; a run whose heartbeat stopped (its replica died) is marked failed before a
-- new one starts.
create table rebuild_run (
    id           uuid        primary key,
    state        varchar(16) not null check (state in ('reading', 'swapping', 'done', 'failed')),
    events_read  bigint      not null default 0,
    events_total bigint      not null default 0,
    started_at   timestamptz not null default now(),
    heartbeat_at timestamptz not null default now(),
    finished_at  timestamptz,
    error        varchar(500)
);

create unique index rebuild_run_one_under_way on rebuild_run ((true)) where state in ('reading', 'swapping');

-- The funnel's index of days got its name before rebuilds existed; a rebuild recreates every index of a table
-- under the name PostgreSQL would give it, so this one takes that name now and keeps it across swaps.
alter index visitor_day_by_day rename to visitor_day_day_idx;
