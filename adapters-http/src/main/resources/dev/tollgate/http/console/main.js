// The console's entry: sign-in at the identity provider or with a pasted token, "who am I", the
// pages the caller table lets this caller use, and sign-out. Only Tollgate's HTTP API on this
// origin is called, and the identity provider's token endpoint once per sign-in (oauth.js).

import { ApiError, call, restore, signIn, signOut } from './api.js';
import { auditPage } from './audit.js';
import { databaseTokensPage } from './database-tokens.js';
import { managementTokensPage } from './management-tokens.js';
import { abandon, begin, finish, isReturn, signInOptions } from './oauth.js';
import { replicaPage } from './replica.js';
import { time } from './format.js';
import { el } from './view.js';

const PAGES = ['sign-in', 'database-tokens', 'management-tokens', 'audit', 'replica', 'whoami'];
const $ = (id) => document.getElementById(id);
let pages = {};
/** Pages whose listeners are attached already: set up once per page load, offered per sign-in. */
const made = {};

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    leave('Tollgate no longer accepts this credential: ' + error.message + '. Sign in again.');
  } else {
    showError(error.message);
  }
}

function show(page) {
  for (const id of PAGES) {
    $(id).hidden = id !== page;
  }
  for (const button of $('nav').querySelectorAll('button[data-page]')) {
    if (button.dataset.page === page) {
      button.setAttribute('aria-current', 'page');
    } else {
      button.removeAttribute('aria-current');
    }
  }
  showError('');
  if (pages[page]) {
    pages[page].load();
  }
}

/** After sign-in: who the caller is decides which pages and actions are offered. */
async function enter() {
  const me = await call('GET', '/api/tollgate/v1/whoami');
  if (!me.allowed.includes('readDatabaseTokens')) {
    throw new ApiError(403, me.kind === 'user'
      ? 'user ' + me.userId + ' may not see tokens: the cluster\'s users file puts them in no'
        + ' group (Admin, Member or Auditor); ask an administrator to add them'
      : 'a ' + me.kind.replace('-', ' ') + ' cannot manage tokens; sign in with a management'
        + ' token or the bootstrap admin token');
  }
  pages = { 'database-tokens': databaseTokensPage(me.allowed, failed) };
  const mayListManagement = me.allowed.includes('listManagementTokens');
  $('nav-management').hidden = !mayListManagement;
  if (mayListManagement) {
    pages['management-tokens'] = managementTokensPage(me.allowed, failed);
  }
  offer('audit', me.allowed.includes('readTokenEvents'), () => auditPage(failed));
  offer('replica', me.allowed.includes('readReplicaStatus'), () => replicaPage(failed));
  whoAmI(me);
  $('nav').hidden = false;
  show('database-tokens');
}

/** Shows a page's navigation button, and sets the page up once, only if the caller may use it. */
function offer(page, allowed, setUp) {
  $('nav-' + page).hidden = !allowed;
  if (allowed) {
    pages[page] = made[page] || (made[page] = setUp());
  }
}

function whoAmI(me) {
  const facts = [
    ['Kind', me.kind], ['Subject', me.subject], ['User id', me.userId],
    ['Groups', me.groups && (me.groups.join(', ') || 'none')], ['Token id', me.tokenId],
    ['Credential expires', me.expiresAt && time(me.expiresAt)],
    ['May', me.allowed.join(', ') || 'nothing'],
  ];
  $('whoami-facts').replaceChildren(...facts.filter(([, value]) => value)
    .flatMap(([name, value]) => [el('dt', {}, name), el('dd', { 'data-fact': name }, value)]));
}

/** Forgets the credential and everything shown with it; back to the sign-in. */
function leave(message) {
  signOut();
  abandon();
  pages = {};
  $('nav').hidden = true;
  for (const table of document.querySelectorAll('table tbody')) {
    table.replaceChildren();
  }
  for (const facts of document.querySelectorAll('dl')) {
    facts.replaceChildren();
  }
  for (const field of document.querySelectorAll('main input:not([type=checkbox])')) {
    field.value = ''; // searches and filters: the next person starts afresh
  }
  $('dialogs').replaceChildren();
  show('sign-in');
  showError(message);
  ($('oauth-sign-in').hidden ? $('credential') : $('oauth-button')).focus();
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('credential');
  const value = input.value.trim();
  input.value = '';
  signIn(value, $('remember').checked);
  try {
    await enter();
  } catch (e) {
    leave(e instanceof ApiError && e.status === 401
      ? 'Tollgate does not accept this token: ' + e.message : e.message);
  }
});

$('sign-out').addEventListener('click', () => leave(''));
for (const button of $('nav').querySelectorAll('button[data-page]')) {
  button.addEventListener('click', () => show(button.dataset.page));
}

/** Offers the identity provider's sign-in when Tollgate names one. */
function offerOAuth(oauth) {
  $('oauth-sign-in').hidden = !oauth;
  $('oauth-absent').hidden = !!oauth;
  if (!oauth) {
    return;
  }
  $('oauth-button').textContent = 'Sign in with ' + oauth.issuer;
  $('oauth-button').onclick = () => begin(oauth, $('remember').checked)
    .catch((e) => showError('Cannot start the sign-in: ' + e.message));
}

/** Back from the identity provider: the access token is the credential, as a pasted one is. */
async function returned() {
  try {
    const { token, remember } = await finish();
    signIn(token, remember);
    await enter();
  } catch (e) {
    leave(e instanceof ApiError && e.status === 401
      ? 'Tollgate does not accept the access token of this sign-in: ' + e.message : e.message);
  }
}

signInOptions().then(offerOAuth);
if (isReturn()) {
  returned();
} else if (restore()) {
  enter().catch((e) => leave(e.message));
} else {
  show('sign-in');
}
