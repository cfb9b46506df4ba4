// Rathaus mail page (/staff/mail). Needs common.js (window.Rathaus) loaded before it; it calls the
// API with the signed-in person's session, as the hotline console does. It lists GET /v1/messages[?status=...] in #messages (what each message is about and
// what became of it, never its recipient), shows a message of the demo's Maildir folder
// (GET /v1/mail/folder/{file}) or a preview (GET /v1/messages/preview/{kind}?language=...) as text
// in #viewer. Everything is written with textContent.
'use strict';

(() => {
  const R = window.Rathaus;
  const $ = (id) => document.getElementById(id);
  const KINDS = {
    confirmation: 'Bestätigung',
    'confirmation-request': 'Bitte um Bestätigung',
    reminder: 'Erinnerung',
    moved: 'Verschoben',
    cancelled: 'Abgesagt',
    released: 'Freigegeben',
  };
  const STATUS = { waiting: 'wartet', sent: 'versandt', failed: 'nicht zugestellt', dropped: 'verworfen' };

  function cell(text) {
    const node = document.createElement('td');
    node.textContent = text;
    return node;
  }

  function when(instant) {
    const date = new Date(instant);
    if (Number.isNaN(date.getTime())) return '';
    return `${date.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit' })} ${R.clockTime(instant)}`;
  }

  async function text(url) {
    const headers = { Accept: 'text/plain' };
    const response = await fetch(url, { headers, cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) {
      // The API's own error handling (problem+json, and the way to sign in on 401).
      await R.api('GET', url);
      throw new R.Problem(response.status, `Fehler ${response.status}`);
    }
    return response.text();
  }

  async function show(url, label) {
    const viewer = $('viewer');
    viewer.textContent = await text(url);
    $('viewer-heading').textContent = label;
    $('viewer-heading').focus();
  }

  async function load() {
    const status = $('outbox-status').value;
    const answer = await R.api('GET', `/v1/messages?limit=100${status ? `&status=${encodeURIComponent(status)}` : ''}`);
    $('transport').textContent = `Versand: ${answer.transport}`;
    const rows = (answer.messages || []).map((message) => {
      const row = document.createElement('tr');
      row.dataset.status = message.status;
      const result = message.status === 'waiting' && message.nextAttemptAt ? `nächster Versuch ${when(message.nextAttemptAt)}` : '';
      row.append(
        cell(when(message.createdAt)), cell(KINDS[message.kind] || message.kind), cell(message.reference || message.booking),
        cell(message.language), cell(STATUS[message.status] || message.status), cell(String(message.attempts)),
        cell([message.result, result].filter(Boolean).join(' · ')),
      );
      const open = document.createElement('td');
      if (message.file) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button button-small';
        button.textContent = 'Ansehen';
        button.setAttribute('aria-label', `Nachricht ansehen: ${KINDS[message.kind] || message.kind} ${message.reference || ''}`);
        button.addEventListener('click', () => show(`/v1/mail/folder/${encodeURIComponent(message.file)}`, `Nachricht ${message.messageId}`).catch(R.showProblem));
        open.append(button);
      }
      row.append(open);
      return row;
    });
    if (!rows.length) {
      const row = document.createElement('tr');
      const empty = cell('Keine Nachrichten.');
      empty.colSpan = 8;
      row.append(empty);
      rows.push(row);
    }
    $('messages').replaceChildren(...rows);
  }

  $('outbox-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load().catch(R.showProblem);
  });
  $('preview-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const kind = $('preview-kind').value;
    const language = $('preview-language').value;
    show(`/v1/messages/preview/${encodeURIComponent(kind)}?language=${language}`, `Vorschau: ${KINDS[kind] || kind} (${language})`).catch(R.showProblem);
  });
  R.requireSession(() => { load().catch(R.showProblem); });
})();
