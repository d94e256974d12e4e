// The audit trail page: token events filtered by token and time, a page at a time (oldest first,
// as /api/tollgate/v1/events gives them), with who did what. Nothing is fetched until asked.

import { call } from './api.js';
import { time } from './format.js';
import { el, scrollable } from './view.js';

const EVENTS = '/api/tollgate/v1/events';
const PAGE_SIZE = 100;
const $ = (id) => document.getElementById(id);

/** A datetime-local value (the person's own time zone) as RFC 3339 in UTC, or null if empty. */
export function utc(local) {
  if (!local) {
    return null;
  }
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) {
    throw new Error('“' + local + '” is not a date and time; expected one such as 2026-12-06 09:30');
  }
  return at.toISOString();
}

/** The query of one page: only the filters given, and the page token of the page to read. */
export function eventsQuery(filters, pageToken) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value) {
      query.set(name, value);
    }
  }
  query.set('pageSize', String(PAGE_SIZE));
  if (pageToken) {
    query.set('pageToken', pageToken);
  }
  return EVENTS + '?' + query;
}

/** What an update changed, as "description: old → new"; the event's detail otherwise. */
function what(event) {
  const changes = (event.changes || []).map((c) => c.field + ': ' + (c.before || '—') + ' → ' + (c.after || '—'));
  return [event.detail, ...changes].filter((text) => text).join('; ') || '—';
}

/** Sets the page up; `failed(error)` reports a failure. */
export function auditPage(failed) {
  let filters = {};
  let next = '';
  const body = $('audit-table').tBodies[0];
  const more = $('audit-more');
  scrollable($('audit-table'));

  const read = async (append) => {
    try {
      const page = await call('GET', eventsQuery(filters, append ? next : ''));
      const rows = page.events.map((e) => el('tr', { 'data-seq': String(e.seq) },
        el('td', {}, time(e.at)), el('td', { 'data-column': 'event' }, e.event),
        el('td', {}, el('code', {}, e.tokenId)), el('td', { 'data-column': 'actor' }, e.actor),
        el('td', {}, what(e))));
      if (append) {
        body.append(...rows);
      } else {
        body.replaceChildren(...rows);
      }
      next = page.nextPageToken || '';
      more.hidden = !next;
      $('audit-count').textContent = body.rows.length + ' events shown'
        + (next ? '; more follow' : '');
    } catch (e) {
      failed(e);
    }
  };

  $('audit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      filters = {
        tokenId: $('audit-token').value.trim(),
        since: utc($('audit-since').value),
        until: utc($('audit-until').value),
      };
    } catch (e) {
      failed(e);
      return;
    }
    read(false);
  });
  more.addEventListener('click', () => read(true));

  return {
    load: () => {
      body.replaceChildren();
      more.hidden = true;
      $('audit-count').textContent = 'Choose the filters, then Show events.';
    },
  };
}
