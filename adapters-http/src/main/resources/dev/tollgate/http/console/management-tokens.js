// The management tokens page: list, search, sort, and, as the caller table allows, create,
// rotate and revoke, over /api/tollgate/v1/management-tokens.

import { all, call } from './api.js';
import { statusCell, statusOrder } from './database-tokens.js';
import { confirmRevoke, formDialog, showSecretOnce } from './dialogs.js';
import { isActive, time } from './format.js';
import { expiryChooser, overlapChooser, textField } from './permissions.js';
import { el, TokenTable } from './view.js';

const TOKENS = '/api/tollgate/v1/management-tokens';

/** Sets the page up for a caller who may do `allowed`; `failed(error)` reports a failure. */
export function managementTokensPage(allowed, failed) {
  const mayCreate = allowed.includes('createManagementToken');
  const mayRevoke = allowed.includes('revokeManagementTokens');
  const createButton = document.getElementById('mgmt-create');
  createButton.hidden = !mayCreate;

  const load = async () => {
    try {
      table.show(await all(TOKENS, 'managementTokens'));
    } catch (e) {
      failed(e);
    }
  };

  const actions = (token, now) => {
    if (token.revokedAt) {
      return [];
    }
    const name = '“' + token.description + '”';
    return [
      mayCreate && isActive(token, now) && el('button', { type: 'button', 'data-action': 'rotate', 'aria-label': 'Rotate ' + name, onclick: () => rotate(token, load) }, 'Rotate'),
      mayRevoke && el('button', { type: 'button', class: 'danger', 'data-action': 'revoke', 'aria-label': 'Revoke ' + name,
        onclick: () => confirmRevoke('management token', token, async () => { await call('DELETE', TOKENS + '/' + token.id); await load(); }) }, 'Revoke'),
    ];
  };

  const table = new TokenTable({
    table: document.getElementById('mgmt-table'),
    search: document.getElementById('mgmt-search'),
    inactive: document.getElementById('mgmt-inactive'),
    count: document.getElementById('mgmt-count'),
    noun: 'management tokens',
    active: isActive,
    matches: (t) => [t.description, t.id, t.tokenPrefix, t.createdBy].join(' '),
    actions,
    columns: [
      { key: 'status', label: 'Status', sort: statusOrder, cell: statusCell },
      { key: 'description', label: 'Description', sort: (t) => t.description.toLowerCase(), cell: (t) => t.description },
      { key: 'prefix', label: 'Prefix', sort: (t) => t.tokenPrefix, cell: (t) => el('code', {}, t.tokenPrefix + '…') },
      { key: 'id', label: 'Id', sort: (t) => t.id, cell: (t) => el('code', {}, t.id) },
      { key: 'created', label: 'Created', sort: (t) => t.createdAt, cell: (t) => time(t.createdAt) },
      { key: 'createdBy', label: 'Created by', sort: (t) => t.createdBy, cell: (t) => t.createdBy },
      { key: 'expires', label: 'Expires', sort: (t) => t.expiresAt || '~', cell: (t) => time(t.expiresAt) },
      { key: 'lastUsed', label: 'Last used', sort: (t) => t.lastUsedAt || '', cell: (t) => time(t.lastUsedAt) },
    ],
  });

  createButton.onclick = () => create(load);
  return { load };
}

function create(reload) {
  const description = textField('mgmt-description', 'Description');
  const expiry = expiryChooser();
  formDialog({
    id: 'create-mgmt',
    title: 'Create a management token',
    fields: [description.node, expiry.node],
    submitLabel: 'Create',
    submit: async () => {
      const body = { description: description.input.value };
      const expiresAt = expiry.value();
      if (expiresAt) {
        body.expiresAt = expiresAt;
      }
      const created = await call('POST', TOKENS, body);
      showSecretOnce('Management token “' + created.description + '” created', created.accessToken);
      await reload();
    },
  });
}

function rotate(token, reload) {
  const overlap = overlapChooser();
  formDialog({
    id: 'rotate-mgmt',
    title: 'Rotate management token “' + token.description + '”',
    fields: [el('p', {}, 'A new string replaces the old one; its expiry stays.'), overlap.node],
    submitLabel: 'Rotate',
    submit: async () => {
      const rotated = await call('POST', TOKENS + '/' + token.id + '/rotate', { overlapSeconds: overlap.value() });
      showSecretOnce('Management token “' + rotated.description + '” rotated', rotated.accessToken);
      await reload();
    },
  });
}
