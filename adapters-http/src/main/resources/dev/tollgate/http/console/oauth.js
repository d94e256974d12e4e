// Signing in at the cluster's identity provider: OAuth 2.0 authorization code with PKCE (S256),
// as a public client. The verifier and state live in this tab's sessionStorage for the round trip
// only; the access token goes to api.js like a pasted token. Only the identity provider's
// authorization endpoint (by navigation) and token endpoint (by fetch) are reached.

const PENDING = 'tollgate.console.oauth-pending';

/** How Tollgate says to sign in: {issuer, authorizationEndpoint, ...} or null. */
export async function signInOptions() {
  try {
    const answer = await fetch('/api/tollgate/v1/sign-in', {
      headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'omit', redirect: 'error',
    });
    return answer.ok ? (await answer.json()).oauth : null;
  } catch (e) {
    return null;
  }
}

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) {
    text += String.fromCharCode(b);
  }
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(length) {
  return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

/** The console's own address, which the client must have registered as its redirect URI. */
function redirectUri() {
  return location.origin + '/console/';
}

/** Sends the browser to the identity provider; `remember` says where the token will be kept. */
export async function begin(oauth, remember) {
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({
    verifier, state, remember, tokenEndpoint: oauth.tokenEndpoint, clientId: oauth.clientId,
    redirectUri: redirectUri(),
  }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: oauth.clientId, redirect_uri: redirectUri(), scope: oauth.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(oauth.authorizationEndpoint + '?' + query);
}

/** Forgets a sign-in begun and not finished. */
export function abandon() {
  sessionStorage.removeItem(PENDING);
}

/** Whether this page load is the identity provider's answer (?code=... or ?error=...). */
export function isReturn() {
  const query = new URLSearchParams(location.search);
  return query.has('code') || query.has('error') || query.has('state');
}

/**
 * Finishes the round trip: takes the answer out of the URL at once, checks its state, and
 * exchanges the code. Resolves to {token, remember}; rejects with an Error that says what failed.
 */
export async function finish() {
  const query = new URLSearchParams(location.search);
  history.replaceState(null, '', '/console/');
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (query.has('error')) {
    const description = query.get('error_description');
    throw new Error('The identity provider did not sign you in: ' + query.get('error')
      + (description ? ' (' + description + ')' : '') + '. Sign in again.');
  }
  if (!pending || !query.get('state') || query.get('state') !== pending.state) {
    throw new Error('The sign-in answer does not match a sign-in started in this tab (its state'
      + ' differs), so it was refused. Start again with the sign-in button.');
  }
  if (!query.get('code')) {
    throw new Error('The identity provider answered without an authorization code. Sign in again.');
  }
  const body = new URLSearchParams({
    grant_type: 'authorization_code', code: query.get('code'), client_id: pending.clientId,
    code_verifier: pending.verifier, redirect_uri: pending.redirectUri,
  });
  let answer;
  try {
    answer = await fetch(pending.tokenEndpoint, {
      method: 'POST', body, headers: { Accept: 'application/json' }, cache: 'no-store',
      credentials: 'omit', redirect: 'error',
    });
  } catch (e) {
    throw new Error('The identity provider\'s token endpoint ' + pending.tokenEndpoint
      + ' did not answer (' + e.message + '); it must allow this origin (CORS).');
  }
  const json = await answer.json().catch(() => ({}));
  if (!answer.ok || typeof json.access_token !== 'string') {
    throw new Error('The identity provider refused the sign-in code: '
      + (json.error || 'HTTP ' + answer.status)
      + (json.error_description ? ' (' + json.error_description + ')' : '') + '. Sign in again.');
  }
  return { token: json.access_token, remember: pending.remember === true };
}
