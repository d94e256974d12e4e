// The permission editor (read and/or write per database, or on every database, "*") and the
// expiry and overlap choosers of the create and rotate dialogs.

import { el } from './view.js';

let rows = 0;

/** The editor, filled with `initial` ([{action, resource}]); `value()` reads it or throws. */
export function permissionEditor(initial = []) {
  const list = el('div', { class: 'permission-rows' });
  const addRow = (database = '', read = false, write = false) => {
    const n = ++rows;
    const row = el('div', { class: 'permission-row' },
      el('label', { for: 'perm-db-' + n }, 'Database'),
      el('input', { id: 'perm-db-' + n, class: 'perm-db', type: 'text', value: database,
        placeholder: 'name, or * for every database', spellcheck: 'false' }),
      el('label', { class: 'inline' }, el('input', { type: 'checkbox', class: 'perm-read', checked: read }), ' read'),
      el('label', { class: 'inline' }, el('input', { type: 'checkbox', class: 'perm-write', checked: write }), ' write'),
      el('button', { type: 'button', class: 'perm-remove', 'aria-label': 'Remove database row ' + n,
        onclick: () => row.remove() }, 'Remove'));
    list.append(row);
    return row;
  };
  const byDatabase = new Map();
  for (const p of initial) {
    const actions = byDatabase.get(p.resource) || new Set();
    actions.add(p.action);
    byDatabase.set(p.resource, actions);
  }
  byDatabase.forEach((actions, db) => addRow(db, actions.has('read'), actions.has('write')));
  if (byDatabase.size === 0) {
    addRow();
  }
  const node = el('fieldset', { class: 'permissions' },
    el('legend', {}, 'Permissions'), list,
    el('div', { class: 'buttons left' },
      el('button', { type: 'button', id: 'perm-add', onclick: () => addRow().querySelector('input').focus() }, 'Add a database'),
      el('button', { type: 'button', id: 'perm-add-all', onclick: () => addRow('*', true, false) }, 'Add every database (*)')));
  const value = () => {
    const permissions = [];
    for (const row of list.querySelectorAll('.permission-row')) {
      const database = row.querySelector('.perm-db').value.trim();
      const read = row.querySelector('.perm-read').checked;
      const write = row.querySelector('.perm-write').checked;
      if (!database && !read && !write) {
        continue;
      }
      if (!database) {
        throw new Error('a permission row has no database name; give one, or * for every database');
      }
      if (!read && !write) {
        throw new Error('database "' + database + '" has neither read nor write; tick one or remove the row');
      }
      if (read) permissions.push({ action: 'read', resource: database });
      if (write) permissions.push({ action: 'write', resource: database });
    }
    return permissions;
  };
  return { node, value };
}

/** The optional expiry: never, in N days, or on a date; `value()` is RFC 3339 or undefined. */
export function expiryChooser() {
  const choice = el('select', { id: 'expiry' },
    el('option', { value: '' }, 'never'),
    ['7', '30', '90', '365'].map((d) => el('option', { value: d }, 'in ' + d + ' days')),
    el('option', { value: 'date' }, 'on a date'));
  const date = el('input', { id: 'expiry-date', type: 'date', hidden: true });
  const dateLabel = el('label', { for: 'expiry-date', hidden: true }, 'Expiry date (midnight UTC)');
  choice.addEventListener('change', () => {
    date.hidden = dateLabel.hidden = choice.value !== 'date';
  });
  const node = el('div', { class: 'field' }, el('label', { for: 'expiry' }, 'Expires'), choice, dateLabel, date);
  const value = () => {
    if (choice.value === '') {
      return undefined;
    }
    if (choice.value === 'date') {
      if (!date.value) {
        throw new Error('choose the expiry date, or another expiry');
      }
      return date.value + 'T00:00:00Z';
    }
    const at = new Date(Date.now() + Number(choice.value) * 24 * 60 * 60 * 1000);
    // a minute more, so that "in 30 days" still reads 30 days once created
    return new Date(at.getTime() + 60 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  };
  return { node, value };
}

/** How long the old string keeps working after a rotation; `value()` is seconds. */
export function overlapChooser() {
  const choice = el('select', { id: 'overlap' },
    el('option', { value: '0' }, 'not at all: it stops now'),
    el('option', { value: '3600' }, 'one hour'),
    el('option', { value: '86400' }, 'one day'),
    el('option', { value: '604800' }, 'seven days'));
  const node = el('div', { class: 'field' },
    el('label', { for: 'overlap' }, 'The old string keeps working'), choice);
  return { node, value: () => Number(choice.value) };
}

/** A labelled text input. */
export function textField(id, label, value = '') {
  const input = el('input', { id, type: 'text', value, maxlength: '1024' });
  return { node: el('div', { class: 'field' }, el('label', { for: id }, label), input), input };
}
