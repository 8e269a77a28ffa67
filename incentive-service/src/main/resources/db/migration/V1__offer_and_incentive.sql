-- What a campaign's leads receive. A campaign without a row gets the configured default discount.
create table offer (
    campaign_id       varchar(63)  primary key,
    discount_percent  integer      check (discount_percent between 1 and 100),
    content_title     varchar(200),
    content_url       varchar(500),
    validity_days     integer      not null default 30 check (validity_days > 0)
);

-- Exactly one incentive per lead and campaign, whatever the redeliveries and concurrency: the unique
-- key decides, not application code. Codes are unique across all campaigns.
create table incentive (
    id                uuid         primary key,
    lead_id           uuid         not null,
    campaign_id       varchar(63)  not null,
    kind              varchar(32)  not null,
    code              varchar(32),
    discount_percent  integer,
    content_title     varchar(200),
    content_url       varchar(500),
    issued_at         timestamptz  not null,
    expires_at        timestamptz  not null,
    constraint incentive_one_per_lead_and_campaign unique (lead_id, campaign_id),
    constraint incentive_code_unique unique (code)
);
