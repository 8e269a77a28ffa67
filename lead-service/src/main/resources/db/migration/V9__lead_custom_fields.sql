-- Values of the campaign's custom fields, as validated against their declared types at capture. A later
-- submission merges into them (a field sent again replaces its value; one left out keeps it).
alter table lead add column custom_fields jsonb not null default '{}'::jsonb
    constraint lead_custom_fields_object check (jsonb_typeof(custom_fields) = 'object');
