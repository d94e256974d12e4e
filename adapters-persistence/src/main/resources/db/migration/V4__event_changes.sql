-- What an update changed, field by field with its value before and after, for the audit trail:
-- one line per field, "field<TAB>before<TAB>after" (descriptions and permissions hold no tabs or
-- line breaks). Null for events that change no field. Unbounded: a database token may hold a
-- thousand permissions, before and after.
alter table token_events add column changes varchar;
