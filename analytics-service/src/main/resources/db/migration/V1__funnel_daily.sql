-- The funnel of each campaign, one row per campaign and UTC day. Counters only: no lead ids, addresses or
-- anything else personal, so an erasure request never has to touch analytics.
-- Each counter is bumped with an upsert in the transaction that records the event id in processed_event,
-- so every event is counted exactly once however often Kafka delivers it.
create table funnel_daily (
    campaign          varchar(63) not null,
    day               date        not null,
    leads             bigint      not null default 0 check (leads >= 0),
    incentives_issued bigint      not null default 0 check (incentives_issued >= 0),
    emails_sent       bigint      not null default 0 check (emails_sent >= 0),
    primary key (campaign, day)
);
