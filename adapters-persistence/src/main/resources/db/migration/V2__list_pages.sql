-- token lists are read a page at a time, in (created_at, id) order within a kind
drop index tokens_kind_created;
create index tokens_kind_created_id on tokens (kind, created_at, id);
