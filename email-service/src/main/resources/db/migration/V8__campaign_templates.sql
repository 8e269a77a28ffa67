-- A campaign's own wording for one of its templates in one language, written by a marketer through the admin
-- API and validated there (it parses, names only values the template is given, and keeps the unsubscribe
-- footer). A missing row means the built-in template; deleting a row restores it. Nurture reads this table too.
create table campaign_template (
    campaign   varchar(63) not null,
    template   varchar(60) not null,
    locale     varchar(2)  not null check (locale in ('es', 'en')),
    subject    text        not null,
    html       text        not null,
    text       text        not null,
    updated_at timestamptz not null default now(),
    primary key (campaign, template, locale)
);
