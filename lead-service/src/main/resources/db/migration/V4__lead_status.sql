-- Where a lead stands. A campaign without double opt-in confirms its leads as they are captured; with it, a
-- lead stays pending until it follows its confirmation link (confirmed_at says when).
alter table lead
    add column status       varchar(16) not null default 'confirmed'
        constraint lead_status_known check (status in ('pending', 'confirmed')),
    add column confirmed_at timestamptz;

update lead set confirmed_at = created_at;

create index lead_by_campaign_and_time on lead (campaign_id, created_at, id);
