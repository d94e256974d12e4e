-- The bootstrap admin registration becomes a versioned state that every replica learns from the
-- change feed: each registration, rotation or disabling raises its generation and writes a
-- BOOTSTRAP_ADMIN event (under the all-zero token id), so a replica never polls for it and a
-- stale read (an older generation) can never bring back a credential rotated away. Disabling
-- keeps the row, without a hash, so that a later start never registers a credential again by
-- itself; kept_at says where the registering replica keeps the token string, for people.
alter table bootstrap_admin add column generation bigint default 1 not null;
alter table bootstrap_admin add column kept_at varchar(1024);
alter table bootstrap_admin alter column hash_algorithm drop not null;
alter table bootstrap_admin alter column hash drop not null;

-- Every bootstrap admin credential that was rotated away or disabled: never registered again.
create table bootstrap_admin_retired (
    hash_algorithm varchar(16)  not null,
    hash           varchar(128) not null,
    retired_at     timestamp(6) with time zone not null,
    primary key (hash_algorithm, hash)
);

alter table token_events drop constraint token_events_event;
alter table token_events add constraint token_events_event
    check (event in ('CREATED', 'UPDATED', 'REVOKED', 'PURGED', 'ROTATED', 'BOOTSTRAP_ADMIN'));
