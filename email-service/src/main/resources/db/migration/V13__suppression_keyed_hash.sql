-- The suppression list outlives the leads (an unsubscribe or a complaint must hold after the contact is erased), so
-- it keeps no address: only its keyed hash, HMAC-SHA256 with FARO_SUPPRESSION_PEPPER, hex. The sender hashes the
-- address it is about to write to and looks that up. Rows stored in clear before this migration are rehashed by
-- the service at startup (SuppressedAddresses), which needs the pepper; the check ("not valid": it spares those old
-- rows) holds for every row written from now on.
alter table suppression rename column address to address_hash;
alter table suppression drop constraint suppression_address_check;
alter table suppression add constraint suppression_address_is_hash
    check (address_hash ~ '^[0-9a-f]{64}$') not valid;
