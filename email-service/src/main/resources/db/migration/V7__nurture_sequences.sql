-- Each campaign's nurture sequence, as marketers save it through the admin API (always whole: a save replaces every
-- row of the campaign). A lead's progress is not kept here: the send ledger holds it, one row (kind 'nurture',
-- step = position) per step scheduled, the next one added in the transaction that marks the previous one sent.
--   delay      ISO-8601 duration, as written: after the sequence starts (position 1) or the previous step was sent
--   template   a built-in nurture template or one of the campaign's own (campaign_template), 'nurture-<slug>'
--   condition  checked when the step is due: 'always', or 'not-redeemed' (only while the incentive is unused)
create table nurture_step (
    campaign   varchar(63) not null,
    position   integer     not null check (position between 1 and 20),
    delay      varchar(40) not null,
    template   varchar(60) not null check (template ~ '^nurture-[a-z0-9-]{1,50}$'),
    condition  varchar(20) not null check (condition in ('always', 'not-redeemed')),
    updated_at timestamptz not null default now(),
    primary key (campaign, position)
);

-- The demo campaign's sequence: tips a day after capture, then, three days after the tips went out, a last call for
-- leads who have not used their incentive yet.
insert into nurture_step (campaign, position, delay, template, condition) values
    ('demo', 1, 'P1D', 'nurture-tips', 'always'),
    ('demo', 2, 'P3D', 'nurture-last-chance', 'not-redeemed');
