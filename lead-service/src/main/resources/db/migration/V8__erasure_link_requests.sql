-- Every self-service erasure link lead-service asked email-service to send (one ErasureLinkRequested each).
-- Anyone may ask for a link for any address, so each lead gets only a few a day, whoever asks (email-bombing
-- defence); the request locks the address's lead rows while it counts, so concurrent requests cannot both pass.
-- Rows go with their lead, and older ones are pruned as the lead's next request is counted.
create table erasure_link_request (
    id           bigserial   primary key,
    lead_id      uuid        not null references lead (id) on delete cascade,
    requested_at timestamptz not null
);

create index erasure_link_request_by_lead on erasure_link_request (lead_id, requested_at);
