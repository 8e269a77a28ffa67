-- The IANA time zone the lead's form reported (null when it sent none or an unknown one): quiet hours are the
-- lead's local night. Without it the campaign's zone applies, then faro.email.timing.default-time-zone.
alter table contact add column time_zone varchar(64);

-- The token bucket that paces marketing mail across every replica (see timing/SendRateBuckets). Tokens are
-- computed from the time since refilled_at at each take, so nothing needs to top the bucket up; it starts empty
-- and is full after burst / send-rate seconds.
create table send_rate_bucket (
    name        varchar(40)      primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);

insert into send_rate_bucket (name, tokens, refilled_at) values ('marketing', 0, now());

-- The frequency cap counts a lead's recently sent marketing mail.
create index send_ledger_sent_by_lead on send_ledger (lead_id, sent_at) where status = 'sent';
