// How times, statuses and permissions are told in words (never by colour alone).

const DAY = 24 * 60 * 60 * 1000;

/** The status of a token at `now`, as a word and a kind for styling. */
export function status(token, now) {
  if (token.revokedAt) {
    return { text: 'revoked', kind: 'inactive' };
  }
  if (token.expiresAt) {
    const left = Date.parse(token.expiresAt) - now;
    if (left <= 0) {
      return { text: 'expired', kind: 'inactive' };
    }
    const days = Math.floor(left / DAY);
    const text = days < 1 ? 'expires in less than a day'
      : 'expires in ' + days + (days === 1 ? ' day' : ' days');
    return { text, kind: days < 7 ? 'soon' : 'active' };
  }
  return { text: 'active', kind: 'active' };
}

/** Whether the token still works at `now`. */
export function isActive(token, now) {
  return status(token, now).kind !== 'inactive';
}

/** An RFC 3339 time as the page shows it (UTC, to the minute), or a dash. */
export function time(value) {
  if (!value) {
    return '—';
  }
  return value.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

/** Permissions as "read: metrics; write: *", grouped by database. */
export function permissions(list) {
  if (!list || list.length === 0) {
    return 'none';
  }
  const byDatabase = new Map();
  for (const p of list) {
    const actions = byDatabase.get(p.resource) || [];
    actions.push(p.action);
    byDatabase.set(p.resource, actions);
  }
  return [...byDatabase].map(([db, actions]) =>
    (db === '*' ? 'every database' : db) + ': ' + actions.sort().join('+')).join('; ');
}
