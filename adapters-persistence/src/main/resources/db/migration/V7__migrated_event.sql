-- tollgate migrate records one MIGRATED event (under the token id 00000000-0000-0000-0000-000000000001,
-- which no token has) after the events it copied, which keep their numbers.
alter table token_events drop constraint token_events_event;
alter table token_events add constraint token_events_event
    check (event in ('CREATED', 'UPDATED', 'REVOKED', 'PURGED', 'ROTATED', 'BOOTSTRAP_ADMIN',
        'MIGRATED'));
