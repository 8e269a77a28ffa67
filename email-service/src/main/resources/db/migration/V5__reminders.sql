-- The incentives a lead may be reminded of before they expire. IncentiveIssued fills a row with the code the
-- reminder repeats; IncentiveRedeemed marks it redeemed (creating the row if the issue predates this table),
-- so an IncentiveExpiring that arrives afterwards reminds no one.
create table reminder_incentive (
    incentive_id uuid         primary key,
    lead_id      uuid         not null,
    campaign     varchar(63)  not null,
    -- Null for incentives without a code (content only) and for rows first seen through IncentiveRedeemed.
    code         text,
    redeemed_at  timestamptz,
    received_at  timestamptz  not null default now()
);

create index reminder_incentive_lead on reminder_incentive (lead_id);
