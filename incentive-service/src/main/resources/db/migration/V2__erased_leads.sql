-- Erasure. Leads that were erased, by id only (a random UUID), so a replayed or late LeadCaptured or LeadConfirmed
-- is recognised and issues nothing.
create table erased_lead (
    lead_id   uuid        primary key,
    erased_at timestamptz not null default now()
);

-- An erased lead's incentive stays, for the campaign's counts, but nothing ties it to the person any more: the
-- lead id and the code (which a shop's order would link back to them) are cleared, and anonymised_at says when.
alter table incentive
    alter column lead_id drop not null,
    add column anonymised_at timestamptz,
    add constraint incentive_anonymised_has_no_lead
        check (anonymised_at is null or (lead_id is null and code is null));
