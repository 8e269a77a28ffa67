-- The dimensional funnel. One row per campaign × landing page × variant × UTM source × UTM medium × UTC day;
-- '' stands for "not known". Counters only: no lead id, visitor id, address or anything else about a person.
-- Every counter is bumped with an upsert in the transaction that records the event id in processed_event, so
-- each event is counted exactly once however often Kafka delivers it.
create table funnel_fact (
    campaign          varchar(63)  not null,
    landing_page      varchar(63)  not null default '',
    variant           varchar(31)  not null default '',
    source            varchar(100) not null default '',
    medium            varchar(100) not null default '',
    day               date         not null,
    visitors          bigint not null default 0,
    leads             bigint not null default 0,
    confirmed         bigint not null default 0,
    incentives_issued bigint not null default 0,
    emails_sent       bigint not null default 0,
    emails_failed     bigint not null default 0,
    opens             bigint not null default 0,
    clicks            bigint not null default 0,
    redemptions       bigint not null default 0,
    revenue           numeric(16,2) not null default 0,
    unsubscribes      bigint not null default 0,
    erasures          bigint not null default 0,
    primary key (campaign, landing_page, variant, source, medium, day)
);

-- The funnel so far had no dimensions: its counts move over unchanged under '' dimensions.
insert into funnel_fact (campaign, day, leads, incentives_issued, emails_sent)
select campaign, day, leads, incentives_issued, emails_sent from funnel_daily;

drop table funnel_daily;

-- Which dimensions a lead was captured with, so its later events (which carry only the lead id and campaign)
-- count under them. A lookup, not an aggregate: the row is deleted when the lead is erased, and from then on
-- the lead's events count under the campaign with '' dimensions.
create table lead_attribution (
    lead_id      uuid         primary key,
    campaign     varchar(63)  not null,
    landing_page varchar(63)  not null default '',
    variant      varchar(31)  not null default '',
    source       varchar(100) not null default '',
    medium       varchar(100) not null default ''
);

-- Unique visitors per day: a visitor is counted once per day and dimension. Visitor ids are never stored; a
-- row holds HMAC-SHA256(salt of the day, visitor id), and each day has its own random salt. Rows and salts
-- older than two days before the newest day seen are deleted, after which the hashes cannot be linked to
-- anyone, nor to each other across days.
create table visitor_day_salt (
    day  date  primary key,
    salt bytea not null
);

create table visitor_day (
    campaign     varchar(63)  not null,
    landing_page varchar(63)  not null,
    variant      varchar(31)  not null,
    source       varchar(100) not null,
    medium       varchar(100) not null,
    day          date         not null,
    visitor_hash bytea        not null,
    primary key (campaign, landing_page, variant, source, medium, day, visitor_hash)
);

create index visitor_day_by_day on visitor_day (day);

-- The currencies a campaign's redemptions were paid in: revenue is one figure, so it only has a currency (and
-- an ROI) while every order came in the same one.
create table funnel_revenue_currency (
    campaign varchar(63) not null,
    currency varchar(3)  not null,
    primary key (campaign, currency)
);
