// The replica status page: whether the replica that served this page has loaded every token,
// how far it follows the change feed, and how it learns of changes.

import { call } from './api.js';
import { time } from './format.js';
import { el } from './view.js';

const FACTS = [
  ['Loaded', (s) => (s.loaded ? 'yes' : 'no, still loading: it answers UNAVAILABLE until it has')],
  ['Live tokens in memory', (s) => String(s.liveTokens)],
  ['Applied change', (s) => String(s.appliedSeq)],
  ['Latest change stored', (s) => (s.latestSeq === undefined ? null : String(s.latestSeq))],
  ['Changes behind', (s) => (s.behind === undefined ? null : String(s.behind))],
  ['Changes missing (awaited)', (s) => String(s.missingSeqs)],
  ['Last caught up', (s) => (s.lastCaughtUpAt ? time(s.lastCaughtUpAt) : 'never')],
  ['Change notifications', (s) => s.notifications],
  ['Lookups waiting', (s) => String(s.waitingLookups)],
  ['Failed feed reads', (s) => String(s.failedReads)],
  ['Last failure', (s) => s.lastFailure || null],
  ['Feed reads', (s) => Object.entries(s.feedReads || {}).map(([why, n]) => why + ' ' + n).join(', ')],
];

/** Sets the page up; `failed(error)` reports a failure. */
export function replicaPage(failed) {
  const facts = document.getElementById('replica-facts');
  const load = async () => {
    try {
      const status = await call('GET', '/api/tollgate/v1/replica');
      facts.replaceChildren(...FACTS.map(([name, value]) => [name, value(status)])
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .flatMap(([name, value]) => [el('dt', {}, name), el('dd', { 'data-fact': name }, value)]));
      document.getElementById('replica-read').textContent = 'Read at ' + time(new Date().toISOString());
    } catch (e) {
      failed(e);
    }
  };
  document.getElementById('replica-refresh').addEventListener('click', load);
  return { load };
}
