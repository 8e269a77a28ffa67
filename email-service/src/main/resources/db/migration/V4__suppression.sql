-- Addresses no non-transactional mail may go to (see docs/api.md, "Unsubscribe and suppression"). Keyed by the
-- lower-cased address rather than the lead: the same person may sign up again as a new lead.
--   scope   'all', or the id of the one campaign the person left
--   reason  unsubscribed (the person's choice), hard-bounced (a permanent SMTP rejection or a provider's bounce
--           report) or complained (marked as spam)
-- Erased leads need no row here: their contact is deleted, so nothing can be sent to them.
create table suppression (
    address varchar(254) not null check (address = lower(address) and address <> ''),
    scope   varchar(63)  not null check (scope <> ''),
    reason  varchar(20)  not null check (reason in ('unsubscribed', 'hard-bounced', 'complained')),
    at      timestamptz  not null default now(),
    constraint suppression_one_per_scope primary key (address, scope),
    -- Only the person unsubscribes from a single campaign; a bounce or a complaint is about the address.
    constraint suppression_campaign_scope_is_unsubscribe check (scope = 'all' or reason = 'unsubscribed')
);
