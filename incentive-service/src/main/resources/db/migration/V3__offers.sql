-- Offers: what a campaign's leads receive, per campaign and optionally per A/B variant, each with a validity, an
-- optional budget and an optional fallback. The old table had one offer per campaign; it becomes the campaign-wide
-- offer `<campaign>-offer` (kind percent-discount, or content when it had no discount).
alter table offer rename to offer_v1;

create table offer (
    id                varchar(63)    primary key check (id ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'),
    campaign_id       varchar(63)    not null,
    -- null: the campaign-wide offer, for leads of any variant without an offer of its own.
    variant           varchar(63)    check (variant <> ''),
    kind              varchar(32)    not null check (kind in ('percent-discount', 'fixed-discount', 'free-shipping',
                                                              'content', 'free-trial', 'free-gift', 'contest-entry')),
    discount_percent  integer        check (discount_percent between 1 and 100),
    discount_amount   numeric(12, 2) check (discount_amount > 0),
    currency          varchar(3)     check (currency ~ '^[A-Z]{3}$'),
    -- Content comes alone (kind content) or with a discount (the demo: a 10 % code and an ebook). The reference
    -- is a content file's ref or an absolute http(s) URL.
    content_title     varchar(200),
    content_ref       varchar(500),
    trial_days        integer        check (trial_days > 0),
    gift              varchar(200)   check (gift <> ''),
    valid_until       timestamptz,
    valid_days        integer        check (valid_days > 0),
    -- The most incentives this offer may give; null is no limit. `issued` counts those given: the issuer takes a
    -- unit with a conditional update, so concurrent issues never exceed the budget.
    budget            integer        check (budget >= 0),
    issued            integer        not null default 0 check (issued >= 0),
    fallback_offer_id varchar(63),
    code_prefix       varchar(10)    check (code_prefix ~ '^[34679ACDEFGHJKMNPQRTWXY]{1,10}$'),
    code_pool_id      varchar(63),
    created_at        timestamptz    not null default now(),
    updated_at        timestamptz    not null default now(),
    constraint offer_id_and_campaign unique (id, campaign_id),
    -- A fallback is another offer of the same campaign.
    constraint offer_fallback_same_campaign foreign key (fallback_offer_id, campaign_id)
        references offer (id, campaign_id),
    constraint offer_fallback_not_itself check (fallback_offer_id <> id),
    constraint offer_one_validity check ((valid_until is null) <> (valid_days is null)),
    constraint offer_content_complete check ((content_title is null) = (content_ref is null)),
    constraint offer_amount_has_currency check ((discount_amount is null) = (currency is null)),
    constraint offer_fields_of_kind check (
        (discount_percent is not null) = (kind = 'percent-discount')
        and (discount_amount is not null) = (kind = 'fixed-discount')
        and (trial_days is not null) = (kind = 'free-trial')
        and (gift is not null) = (kind = 'free-gift')
        and (kind <> 'content' or content_title is not null)
        and (kind not in ('free-shipping', 'free-trial', 'free-gift', 'contest-entry') or content_title is null)),
    -- Content-only offers carry no code, so neither a prefix nor a pool applies; a pool's codes are the shop's.
    constraint offer_code_source check (
        (kind <> 'content' or (code_prefix is null and code_pool_id is null))
        and (code_prefix is null or code_pool_id is null))
);

-- One offer per variant of a campaign. Several campaign-wide offers may exist (fallbacks among them); the campaign's
-- offerRef, or else the oldest that is nobody's fallback, is the one leads get.
create unique index offer_one_per_variant on offer (campaign_id, variant) where variant is not null;
create index offer_campaign on offer (campaign_id, created_at);

-- No fallback chain may loop. Checked under a per-campaign lock so that two concurrent edits cannot close a loop
-- neither of them sees.
create function offer_fallback_has_no_cycle() returns trigger language plpgsql as $$
declare
    next_id varchar(63) := new.fallback_offer_id;
    steps   integer := 0;
begin
    if next_id is null then
        return new;
    end if;
    perform pg_advisory_xact_lock(hashtext('offer-fallback:' || new.campaign_id));
    while next_id is not null loop
        if next_id = new.id then
            raise exception 'offer % would fall back to itself through %', new.id, new.fallback_offer_id
                using errcode = 'check_violation', constraint = 'offer_fallback_no_cycle';
        end if;
        steps := steps + 1;
        if steps > 100 then
            raise exception 'fallback chain of offer % is too long', new.id
                using errcode = 'check_violation', constraint = 'offer_fallback_no_cycle';
        end if;
        select fallback_offer_id into next_id from offer where id = next_id;
    end loop;
    return new;
end;
$$;

create trigger offer_fallback_no_cycle
    before insert or update of fallback_offer_id on offer
    for each row execute function offer_fallback_has_no_cycle();

insert into offer (id, campaign_id, kind, discount_percent, content_title, content_ref, valid_days)
select left(campaign_id, 57) || '-offer',
       campaign_id,
       case when discount_percent is null then 'content' else 'percent-discount' end,
       discount_percent,
       case when content_url is not null then content_title end,
       case when content_title is not null then content_url end,
       validity_days
from offer_v1
where discount_percent is not null or (content_title is not null and content_url is not null);

drop table offer_v1;

-- What each incentive was, in full: the offer it came from and the fields of every kind.
alter table incentive
    add column offer_id        varchar(63),
    add column discount_amount numeric(12, 2),
    add column currency        varchar(3),
    add column trial_days      integer,
    add column gift            varchar(200);

-- The A/B variant a lead was captured under, kept until its confirmation (LeadConfirmed carries none) so the
-- incentive follows the variant. Personal by association: erasure deletes it.
create table lead_attribution (
    lead_id      uuid         not null,
    campaign_id  varchar(63)  not null,
    variant      varchar(63),
    captured_at  timestamptz  not null default now(),
    primary key (lead_id, campaign_id)
);
