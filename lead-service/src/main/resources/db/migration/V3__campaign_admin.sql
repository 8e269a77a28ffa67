-- Campaign administration. The campaign row keeps the scalars, the revision clients send back to update
-- (optimistic concurrency) and whether it is archived; each list lives in its own table, whose key refuses
-- duplicates and whose position keeps the order the marketer gave. An update replaces the lists wholesale.

-- Revision 0 marks a campaign stored before campaigns were published; every change through the admin API
-- (and every insert) publishes the campaign with the revision it reaches.
alter table campaign
    add column revision          bigint       not null default 0,
    add column archived          boolean      not null default false,
    add column goal_target_leads bigint,
    add column goal_lead_type    varchar(63),
    add column goal_deadline     timestamptz,
    add column offer_ref         varchar(63),
    add column updated_at        timestamptz  not null default now(),
    add constraint campaign_id_is_slug check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    add constraint campaign_name_not_blank check (btrim(name) <> ''),
    add constraint campaign_locale_known check (locale in ('es', 'en')),
    add constraint campaign_revision_not_negative check (revision >= 0),
    -- A goal is all or nothing: a target of leads of a kind by a deadline.
    add constraint campaign_goal_complete check (
        (goal_target_leads is null and goal_lead_type is null and goal_deadline is null)
        or (goal_target_leads > 0 and goal_lead_type is not null and goal_deadline is not null));

create table campaign_landing_page (
    campaign_id varchar(63) not null references campaign (id) on delete cascade,
    id          varchar(63) not null check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    position    integer     not null check (position >= 0),
    primary key (campaign_id, id),
    constraint campaign_landing_page_position unique (campaign_id, position)
);

create table campaign_landing_page_variant (
    campaign_id     varchar(63) not null,
    landing_page_id varchar(63) not null,
    id              varchar(63) not null check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    position        integer     not null check (position >= 0),
    primary key (campaign_id, landing_page_id, id),
    constraint campaign_landing_page_variant_position unique (campaign_id, landing_page_id, position),
    foreign key (campaign_id, landing_page_id) references campaign_landing_page (campaign_id, id) on delete cascade
);

-- Exactly as a browser's Origin header spells them, so the CORS check is a plain comparison.
create table campaign_allowed_origin (
    campaign_id varchar(63)  not null references campaign (id) on delete cascade,
    origin      varchar(300) not null check (origin ~ '^https://[a-z0-9.-]+(:[1-9][0-9]{0,4})?$'),
    position    integer      not null check (position >= 0),
    primary key (campaign_id, origin),
    constraint campaign_allowed_origin_position unique (campaign_id, position)
);

create table campaign_spend (
    campaign_id varchar(63)    not null references campaign (id) on delete cascade,
    source      varchar(63)    not null check (source ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    amount      numeric(14, 2) not null check (amount >= 0),
    currency    varchar(3)     not null check (currency ~ '^[A-Z]{3}$'),
    position    integer        not null check (position >= 0),
    primary key (campaign_id, source),
    constraint campaign_spend_position unique (campaign_id, position)
);

create table campaign_custom_field (
    campaign_id varchar(63) not null references campaign (id) on delete cascade,
    name        varchar(63) not null check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    type        varchar(10) not null check (type in ('text', 'number', 'boolean', 'date', 'email', 'phone')),
    required    boolean     not null,
    position    integer     not null check (position >= 0),
    primary key (campaign_id, name),
    constraint campaign_custom_field_position unique (campaign_id, position)
);
