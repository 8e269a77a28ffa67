-- What the funnel counted for each lead, one row per lead and stage (a funnel_fact column: leads, confirmed,
-- incentives_issued, emails_sent, ...), so a reconciliation can compare the funnel with the services' ledgers lead
-- by lead. Visits and erasures have no row: a visit is not a lead's, and an erasure deletes the lead's rows.
-- Pseudonymous like lead_attribution: a random lead id and counters, deleted with the attribution when the lead is
-- erased. An event of the lead counted after its erasure (a late click) counts here again under the bare lead id, as
-- it does in funnel_fact under no dimensions. Written by the same batch and transaction as funnel_fact, so both
-- count each event exactly once. Leads counted before this table existed get rows only from a rebuild.
create table lead_counted (
    lead_id uuid        not null,
    stage   varchar(32) not null,
    times   integer     not null,
    primary key (lead_id, stage)
);
