-- Every double opt-in email lead-service asked for (one ConfirmationRequested each). However often a form is
-- submitted with someone's address, that address gets only a few confirmation emails a day (email-bombing
-- defence): capture counts the rows of the address within the window while holding an advisory lock on it, so
-- concurrent submissions cannot both pass the limit. The address is kept as a keyed hash, and the rows go with
-- their lead (erasure, purge of unconfirmed leads).
create table confirmation_request (
    lead_id      uuid        not null references lead (id) on delete cascade,
    attempt      integer     not null check (attempt >= 1),
    address_hash varchar(64) not null,
    requested_at timestamptz not null,
    primary key (lead_id, attempt)
);

create index confirmation_request_by_address on confirmation_request (address_hash, requested_at);

-- What the purge of leads that never confirmed looks for.
create index lead_pending_by_age on lead (created_at) where status = 'pending';
