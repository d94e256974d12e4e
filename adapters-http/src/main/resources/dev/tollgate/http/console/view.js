// Small DOM helpers and the sortable, searchable token table both pages use. Text is always set
// as text (never as HTML), so nothing a token's description holds can run in the page.

/** A new element with attributes and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }
  return node;
}

/**
 * A table of tokens: columns ({key, label, sort(token), cell(token)}), a search box, a "show
 * inactive" toggle and an actions cell per row. Sorting is by the column headers' buttons.
 */
export class TokenTable {
  constructor({ table, search, inactive, count, columns, matches, active, actions, noun }) {
    Object.assign(this, { table, search, inactive, count, columns, matches, active, actions, noun });
    this.tokens = [];
    this.sortKey = columns[0].key;
    this.ascending = true;
    search.addEventListener('input', () => this.render());
    inactive.addEventListener('change', () => this.render());
    this.renderHead();
  }

  renderHead() {
    const row = this.table.tHead.rows[0];
    row.replaceChildren();
    for (const column of this.columns) {
      const sorted = column.key === this.sortKey;
      const th = el('th', { scope: 'col', 'aria-sort': sorted ? (this.ascending ? 'ascending' : 'descending') : 'none' },
        el('button', {
          type: 'button', class: 'sort', 'data-sort': column.key,
          onclick: () => this.sortBy(column.key),
        }, column.label, sorted ? (this.ascending ? ' ▲' : ' ▼') : ''));
      row.append(th);
    }
    row.append(el('th', { scope: 'col' }, 'Actions'));
  }

  sortBy(key) {
    this.ascending = key === this.sortKey ? !this.ascending : true;
    this.sortKey = key;
    this.renderHead();
    this.render();
    this.table.querySelector('button[data-sort="' + key + '"]').focus();
  }

  show(tokens) {
    this.tokens = tokens;
    this.render();
  }

  render() {
    const now = Date.now();
    const query = this.search.value.trim().toLowerCase();
    const column = this.columns.find((c) => c.key === this.sortKey);
    const shown = this.tokens
      .filter((t) => this.inactive.checked || this.active(t, now))
      .filter((t) => !query || this.matches(t).toLowerCase().includes(query))
      .map((t) => ({ t, key: column.sort(t, now) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * (this.ascending ? 1 : -1))
      .map((x) => x.t);
    const rows = document.createDocumentFragment();
    for (const token of shown) {
      rows.append(el('tr', { 'data-id': token.id },
        this.columns.map((c) => el('td', { 'data-column': c.key }, c.cell(token, now))),
        el('td', { class: 'actions' }, this.actions(token, now))));
    }
    this.table.tBodies[0].replaceChildren(rows);
    this.count.textContent = shown.length + ' of ' + this.tokens.length + ' ' + this.noun + ' shown';
  }
}
