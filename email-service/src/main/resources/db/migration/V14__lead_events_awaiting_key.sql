-- Events of faro.leads that arrived before their lead's data key (the key travels on faro.lead-keys, consumed on
-- another channel). Rather than holding the faro.leads channel, and every lead behind it, until the key comes, such
-- an event waits here as it was on Kafka (personal data and links still sealed), and so does every later event of the
-- same lead, to keep the lead's order; the transaction that keeps the key handles them, in position order, and deletes
-- them. A later LeadCaptured of the lead replaces the waiting one in its place. Erasure deletes them.
create table lead_event_awaiting_key (
    position    bigserial   primary key,
    lead_id     uuid        not null,
    event_id    uuid        not null unique,
    event_type  varchar(100) not null,
    event       text        not null,
    received_at timestamptz not null default now()
);

create index lead_event_awaiting_key_lead on lead_event_awaiting_key (lead_id, position);
