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
 * Puts a table in a region that scrolls sideways on its own (by keyboard too), so that on a
 * narrow window or at 200% zoom the page itself never does: data tables may scroll in two
 * directions (WCAG 1.4.10), the rest of the page reflows.
 */
export function scrollable(table) {
  const region = el('div', { class: 'table-scroll', role: 'region', tabindex: '0',
    'aria-label': table.caption ? table.caption.textContent + ', scrolls sideways' : 'table' });
  table.before(region);
  region.append(table);
}

/** Rows drawn at first, and added by each "Show more": thousands of tokens stay quick. */
export const ROWS = 200;

/**
 * A table of tokens: columns ({key, label, sort(token), cell(token)}), a search box, a "show
 * inactive" toggle and an actions cell per row. Sorting is by the column headers' buttons. Every
 * token is searched and sorted, and the first ROWS of those that match are drawn, with a button
 * for more.
 */
export class TokenTable {
  constructor({ table, search, inactive, count, columns, matches, active, actions, noun }) {
    Object.assign(this, { table, search, inactive, count, columns, matches, active, actions, noun });
    this.tokens = [];
    this.sortKey = columns[0].key;
    this.ascending = true;
    this.limit = ROWS;
    // a table is set up again at every sign-in: the region, the button and the handlers replace
    // the previous ones, so nothing of the last person's table stays attached
    if (!table.parentElement.classList.contains('table-scroll')) {
      scrollable(table);
      table.parentElement.after(el('div', { class: 'buttons left' }));
    }
    this.more = el('button', { type: 'button', class: 'more', hidden: true, onclick: () => this.showMore() }, 'Show more');
    table.parentElement.nextElementSibling.replaceChildren(this.more);
    search.oninput = () => this.render(true);
    inactive.onchange = () => this.render(true);
    this.renderHead();
  }

  showMore() {
    this.limit += ROWS;
    this.render();
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
    this.render(true);
    this.table.querySelector('button[data-sort="' + key + '"]').focus();
  }

  show(tokens) {
    this.tokens = tokens;
    this.render();
  }

  /** Draws the rows; `fromTop` after a new search, filter or order: the first ROWS again. */
  render(fromTop = false) {
    if (fromTop) {
      this.limit = ROWS;
    }
    const now = Date.now();
    const query = this.search.value.trim().toLowerCase();
    const column = this.columns.find((c) => c.key === this.sortKey);
    const matching = this.tokens
      .filter((t) => this.inactive.checked || this.active(t, now))
      .filter((t) => !query || this.matches(t).toLowerCase().includes(query))
      .map((t) => ({ t, key: column.sort(t, now) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * (this.ascending ? 1 : -1))
      .map((x) => x.t);
    const shown = matching.slice(0, this.limit);
    const rows = document.createDocumentFragment();
    for (const token of shown) {
      rows.append(el('tr', { 'data-id': token.id },
        this.columns.map((c) => el('td', { 'data-column': c.key }, c.cell(token, now))),
        el('td', { class: 'actions' }, this.actions(token, now))));
    }
    this.table.tBodies[0].replaceChildren(rows);
    const left = matching.length - shown.length;
    this.more.hidden = left === 0;
    this.more.textContent = 'Show ' + Math.min(ROWS, left) + ' more of the ' + left + ' not shown';
    this.count.textContent = (shown.length < matching.length
      ? shown.length + ' of the ' + matching.length + ' that match, of ' : shown.length + ' of ')
      + this.tokens.length + ' ' + this.noun + ' shown';
  }
}
