-- Leads an offer rule gave nothing (budget spent, offer expired, code pool empty, fallback chain too long), so that
-- a reconciliation can tell a lead refused on purpose from one that was lost. One row per lead and campaign: the
-- first refusal; an incentive issued later for the pair deletes it. Personal by association: erasure deletes it.
create table incentive_refusal (
    lead_id      uuid         not null,
    campaign_id  varchar(63)  not null,
    -- The offer selected for the lead (its fallbacks were tried too); null for the configured default.
    offer_id     varchar(63),
    reason       varchar(64)  not null,
    refused_at   timestamptz  not null,
    primary key (lead_id, campaign_id)
);
