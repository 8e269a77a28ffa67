-- Engagement tracking (the open pixel and tracked links) is chosen per campaign and off unless a row says
-- otherwise: a campaign without a row is not tracked.
create table campaign_engagement (
    campaign   varchar(63) primary key,
    tracking   boolean     not null,
    updated_at timestamptz not null default now()
);

-- The first open of each message, so EmailOpened is published once however often the pixel is fetched.
-- lead_id lets an erasure delete the lead's rows and an export list them.
create table email_open (
    message_id varchar(255) primary key,
    lead_id    uuid         not null,
    opened_at  timestamptz  not null default now()
);

create index email_open_lead on email_open (lead_id);

-- The first click of each tracked link of a message, so EmailClicked is published once per message and URL.
-- The URL is kept only as its SHA-256 (hex): enough to recognise a repeat, and of bounded size.
create table email_click (
    message_id varchar(255) not null,
    url_sha256 char(64)     not null,
    lead_id    uuid         not null,
    clicked_at timestamptz  not null default now(),
    constraint email_click_once primary key (message_id, url_sha256)
);

create index email_click_lead on email_click (lead_id);
