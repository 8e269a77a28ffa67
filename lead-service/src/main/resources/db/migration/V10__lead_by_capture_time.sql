-- A reconciliation walks every lead captured in a time window, whatever its campaign, in (created_at, id) order.
create index lead_by_capture_time on lead (created_at, id);
