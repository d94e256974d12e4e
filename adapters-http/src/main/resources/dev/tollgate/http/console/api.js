// The one place that holds the credential and speaks to Tollgate's HTTP API (same origin).
// The credential lives in this module's memory and, only when the person asks, in this tab's
// sessionStorage; never in a cookie, local storage, a URL or the console log.

const KEY = 'tollgate.console.credential';
let credential = null;

/** An answer of the API that is not a success, with its status and the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Keeps the credential, in memory and, if `remember`, in this tab's session storage. */
export function signIn(value, remember) {
  credential = value;
  if (remember) {
    sessionStorage.setItem(KEY, value);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

/** The credential this tab kept, if any: used once, at load. */
export function restore() {
  credential = sessionStorage.getItem(KEY);
  return credential !== null;
}

/** Forgets the credential everywhere it was kept. */
export function signOut() {
  credential = null;
  sessionStorage.removeItem(KEY);
}

/** Calls the API; resolves to the parsed JSON body (or null for 204), rejects with ApiError. */
export async function call(method, path, body) {
  if (credential === null) {
    throw new ApiError(401, 'not signed in');
  }
  const headers = { Authorization: 'Bearer ' + credential, Accept: 'application/json' };
  const init = { method, headers, cache: 'no-store', credentials: 'omit', redirect: 'error' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let answer;
  try {
    answer = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'Tollgate did not answer (' + e.message + ')');
  }
  if (answer.status === 204) {
    return null;
  }
  const text = await answer.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!answer.ok) {
    const message = json && typeof json.message === 'string' ? json.message : answer.statusText;
    throw new ApiError(answer.status, message + ' (HTTP ' + answer.status + ')');
  }
  return json;
}

/** Every item of a paged list of Tollgate's own resources, following nextPageToken. */
export async function all(path, field) {
  const items = [];
  let pageToken = '';
  do {
    const page = await call('GET', path + (pageToken
      ? (path.includes('?') ? '&' : '?') + 'pageToken=' + encodeURIComponent(pageToken) : ''));
    items.push(...page[field]);
    pageToken = page.nextPageToken || '';
  } while (pageToken);
  return items;
}
