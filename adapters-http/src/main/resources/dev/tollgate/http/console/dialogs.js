// Native <dialog>s: a form, the token string shown once, and the revocation confirmation. Each
// dialog is removed from the DOM when it closes, so nothing it showed stays in the page.

import { el } from './view.js';

function open(dialog) {
  dialog.addEventListener('close', () => dialog.remove());
  document.getElementById('dialogs').append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * A dialog with a form: `fields` are its controls; `submit(form)` is awaited, and an error it
 * throws is shown in the dialog, which stays open.
 */
export function formDialog({ id, title, fields, submitLabel, submit, danger = false }) {
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const submitButton = el('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, submitLabel);
  const form = el('form', { method: 'dialog' },
    el('h2', { id: id + '-title' }, title), fields, error,
    el('div', { class: 'buttons' },
      el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'), submitButton));
  const dialog = el('dialog', { id, 'aria-labelledby': id + '-title' }, form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submitButton.disabled = true;
    error.hidden = true;
    try {
      await submit(form);
      dialog.close();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      submitButton.disabled = false;
    }
  });
  open(dialog);
  return { dialog, submitButton };
}

/**
 * Shows a new token string once, with a copy button and the warning that it will not be shown
 * again; on dismissal the string leaves the DOM with the dialog.
 */
export function showSecretOnce(title, secret) {
  const copied = el('p', { class: 'copied', 'aria-live': 'polite' });
  const value = el('code', { id: 'secret-value', class: 'secret' }, secret);
  const dialog = el('dialog', { id: 'secret', 'aria-labelledby': 'secret-title' },
    el('h2', { id: 'secret-title' }, title),
    el('p', { class: 'warning' }, 'Copy this token string now. It will not be shown again: '
      + 'Tollgate keeps only its hash.'),
    value,
    el('div', { class: 'buttons' },
      el('button', {
        type: 'button', id: 'secret-copy',
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(value.textContent);
            copied.textContent = 'Copied to the clipboard.';
          } catch (e) {
            copied.textContent = 'The browser did not allow copying; select the string and copy it.';
          }
        },
      }, 'Copy'),
      el('button', { type: 'button', id: 'secret-dismiss', class: 'primary', onclick: () => dialog.close() },
        'I have copied it, close')),
    copied);
  dialog.addEventListener('close', () => value.replaceChildren());
  open(dialog);
}

/**
 * Asks to confirm a revocation, naming the token; the button works only once the person has
 * confirmed that clients using the token will stop working.
 */
export function confirmRevoke(noun, token, revoke) {
  const understood = el('input', { type: 'checkbox', id: 'revoke-understood' });
  const { submitButton } = formDialog({
    id: 'revoke',
    title: 'Revoke ' + noun + ' “' + token.description + '”?',
    fields: [
      el('p', {}, 'Token id ', el('code', {}, token.id), '. Revoking cannot be undone.'),
      el('label', { class: 'inline', for: 'revoke-understood' }, understood,
        ' I understand that every client using this token will stop working.'),
    ],
    submitLabel: 'Revoke',
    danger: true,
    submit: () => revoke(),
  });
  submitButton.disabled = true;
  understood.addEventListener('change', () => { submitButton.disabled = !understood.checked; });
}
