-- Rotation with an overlap: the token string a rotation replaced (its hash only, as for every
-- token string) keeps working until previous_valid_until. All three are null when the token was
-- never rotated. ROTATED joins the events the audit trail records.
alter table tokens add column previous_hash_algorithm varchar(16);
alter table tokens add column previous_hash varchar(128);
alter table tokens add column previous_valid_until timestamp(6) with time zone;

alter table token_events drop constraint token_events_event;
alter table token_events add constraint token_events_event
    check (event in ('CREATED', 'UPDATED', 'REVOKED', 'PURGED', 'ROTATED'));
