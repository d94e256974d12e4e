// The database tokens page: list, search, sort, create, edit, rotate and revoke, over the v0
// paths (/api/v0/tokens) and Tollgate's own list, which adds the last use, and rotation
// (/api/tollgate/v1/database-tokens).

import { all, call } from './api.js';
import { confirmRevoke, formDialog, showSecretOnce } from './dialogs.js';
import { isActive, permissions, status, time } from './format.js';
import { expiryChooser, overlapChooser, permissionEditor, textField } from './permissions.js';
import { el, TokenTable } from './view.js';

const TOKENS = '/api/v0/tokens';
const LIST = '/api/tollgate/v1/database-tokens?includeRevoked=true';

/** Sets the page up for a caller who may do `allowed`; `failed(error)` reports a failure. */
export function databaseTokensPage(allowed, failed) {
  const mayChange = allowed.includes('changeDatabaseTokens');
  const createButton = document.getElementById('db-create');
  createButton.hidden = !mayChange;

  const load = async () => {
    try {
      table.show(await all(LIST, 'databaseTokens'));
    } catch (e) {
      failed(e);
    }
  };

  const actions = (token, now) => {
    if (!mayChange || token.revokedAt) {
      return [];
    }
    const name = '“' + token.description + '”';
    return [
      el('button', { type: 'button', 'data-action': 'edit', 'aria-label': 'Edit ' + name, onclick: () => edit(token, load) }, 'Edit'),
      isActive(token, now) && el('button', { type: 'button', 'data-action': 'rotate', 'aria-label': 'Rotate ' + name, onclick: () => rotate(token, load) }, 'Rotate'),
      el('button', { type: 'button', class: 'danger', 'data-action': 'revoke', 'aria-label': 'Revoke ' + name,
        onclick: () => confirmRevoke('database token', token, async () => { await call('DELETE', TOKENS + '/' + token.id); await load(); }) }, 'Revoke'),
    ];
  };

  const table = new TokenTable({
    table: document.getElementById('db-table'),
    search: document.getElementById('db-search'),
    inactive: document.getElementById('db-inactive'),
    count: document.getElementById('db-count'),
    noun: 'database tokens',
    active: isActive,
    matches: (t) => [t.description, t.id, permissions(t.permissions)].join(' '),
    actions,
    columns: [
      { key: 'status', label: 'Status', sort: (t, now) => statusOrder(t, now), cell: (t, now) => statusCell(t, now) },
      { key: 'description', label: 'Description', sort: (t) => t.description.toLowerCase(), cell: (t) => t.description },
      { key: 'id', label: 'Id', sort: (t) => t.id, cell: (t) => el('code', {}, t.id) },
      { key: 'permissions', label: 'Permissions', sort: (t) => permissions(t.permissions), cell: (t) => permissions(t.permissions) },
      { key: 'created', label: 'Created', sort: (t) => t.createdAt, cell: (t) => time(t.createdAt) },
      { key: 'expires', label: 'Expires', sort: (t) => t.expiresAt || '~', cell: (t) => time(t.expiresAt) },
      { key: 'lastUsed', label: 'Last used', sort: (t) => t.lastUsedAt || '', cell: (t) => (t.lastUsedAt ? time(t.lastUsedAt) : 'never') },
    ],
  });

  createButton.onclick = () => create(load);
  return { load };
}

/** Active first, then those expiring, then the inactive, each by expiry. */
export function statusOrder(token, now) {
  const s = status(token, now);
  const rank = { active: 0, soon: 0, inactive: 1 }[s.kind];
  return rank + ':' + (token.revokedAt ? 'b' : 'a') + ':' + (token.expiresAt || '~');
}

/** The status in words, with a class for those who also see colour. */
export function statusCell(token, now) {
  const s = status(token, now);
  return el('span', { class: 'status ' + s.kind }, s.text);
}

function create(reload) {
  const description = textField('db-description', 'Description');
  const editor = permissionEditor();
  const expiry = expiryChooser();
  formDialog({
    id: 'create-db',
    title: 'Create a database token',
    fields: [description.node, editor.node, expiry.node],
    submitLabel: 'Create',
    submit: async () => {
      const body = { description: description.input.value, permissions: editor.value() };
      const expiresAt = expiry.value();
      if (expiresAt) {
        body.expiresAt = expiresAt;
      }
      const created = await call('POST', TOKENS, body);
      showSecretOnce('Database token “' + created.description + '” created', created.accessToken);
      await reload();
    },
  });
}

function edit(token, reload) {
  const description = textField('db-description', 'Description', token.description);
  const editor = permissionEditor(token.permissions);
  formDialog({
    id: 'edit-db',
    title: 'Edit database token “' + token.description + '”',
    fields: [el('p', {}, 'Token id ', el('code', {}, token.id)), description.node, editor.node],
    submitLabel: 'Save',
    submit: async () => {
      await call('PATCH', TOKENS + '/' + token.id,
        { description: description.input.value, permissions: editor.value() });
      await reload();
    },
  });
}

function rotate(token, reload) {
  const overlap = overlapChooser();
  formDialog({
    id: 'rotate-db',
    title: 'Rotate database token “' + token.description + '”',
    fields: [el('p', {}, 'A new string replaces the old one; its permissions and expiry stay.'), overlap.node],
    submitLabel: 'Rotate',
    submit: async () => {
      const rotated = await call('POST', '/api/tollgate/v1/database-tokens/' + token.id + '/rotate',
        { overlapSeconds: overlap.value() });
      showSecretOnce('Database token “' + rotated.description + '” rotated', rotated.accessToken);
      await reload();
    },
  });
}
