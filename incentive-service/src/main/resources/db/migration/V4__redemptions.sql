-- Redemption. A shop reports each order that used a code. Reporting the same order again finds its row (the
-- primary key), so a retrying shop changes nothing.
create table redemption (
    incentive_id  uuid           not null references incentive (id),
    order_id      varchar(100)   not null,
    order_value   numeric(14, 2) not null check (order_value >= 0),
    currency      char(3)        not null,
    redeemed_at   timestamptz    not null,
    primary key (incentive_id, order_id)
);

-- Every incentive is single-use: whatever the races between shops, the database keeps one order per incentive.
create unique index redemption_single_use on redemption (incentive_id);

-- Expiry reminders. Each incentive is announced as expiring at most once; the partial index keeps the job's search
-- to incentives still waiting for their announcement.
alter table incentive add column expiring_announced_at timestamptz;
create index incentive_awaiting_expiry_notice on incentive (expires_at)
    where expiring_announced_at is null and anonymised_at is null;

-- Contest draws. A draw keeps what anyone needs to recompute it: the seed, its entries (the hash of their sorted
-- list, and the list itself, since entries may still arrive after the draw) and the winners in the order drawn.
create table contest_draw (
    id           uuid         primary key,
    campaign_id  varchar(63)  not null,
    algorithm    varchar(63)  not null,
    seed         varchar(200) not null,
    seed_source  varchar(16)  not null check (seed_source in ('given', 'generated')),
    entries_hash char(64)     not null,
    entry_count  integer      not null check (entry_count > 0),
    drawn_at     timestamptz  not null
);

create index contest_draw_by_campaign on contest_draw (campaign_id, drawn_at);

create table contest_draw_entry (
    draw_id         uuid    not null references contest_draw (id),
    incentive_id    uuid    not null references incentive (id),
    -- 1 for the first winner drawn, and so on; null for an entry that did not win.
    winner_position integer check (winner_position > 0),
    primary key (draw_id, incentive_id),
    unique (draw_id, winner_position)
);
