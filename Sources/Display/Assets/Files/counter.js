// Rathaus counter page. Needs common.js (window.Rathaus) loaded before it.
// - State: GET {data-counter-url} -> {counter, counterName, current: ticket|null, parked: [ticket],
//   waiting: n}, on load, after every action, on every event of the office's stream
//   ({data-events-url}) and every 15 s.
// - Actions: POST {data-call-next-url} (200 ticket, or 204 when nobody waits that this counter can
//   serve); POST {data-tickets-url}/{id}/recall|start|finish|no-show|park|resume|transfer
//   (transfer body {"services":[...]} and/or {"counter":"3"}). Problems (e.g. 409 counter-busy)
//   are shown in German in the alert region (common.js words them by their kind).
// - Shortcuts: the key in each button's aria-keyshortcuts (N, R, B, F, X, P, W), not while a text
//   field or a dialog has the focus, and never with Ctrl, Alt or Meta.
// - The clerk is signed in (common.js requireSession); the refreshes the page makes by itself
//   (the timer, the event stream) carry X-Rathaus-Background, so they do not keep the session
//   from its idle limit; the clerk's own actions do.
'use strict';

(() => {
  const R = window.Rathaus;
  const body = document.body;
  const urls = {
    counter: body.dataset.counterUrl,
    callNext: body.dataset.callNextUrl,
    tickets: body.dataset.ticketsUrl,
    events: body.dataset.eventsUrl,
  };
  const REFRESH_MS = 15000;
  const STREAM_RETRY_MS = 15000;
  const $ = (id) => document.getElementById(id);
  const buttons = new Map(Array.from(document.querySelectorAll('[data-action]')).map((b) => [b.dataset.action, b]));
  const shortcuts = new Map(Array.from(buttons.values()).map((b) => [
    (b.getAttribute('aria-keyshortcuts') || '').toLowerCase(), b.dataset.action,
  ]));
  const dialog = $('transfer-dialog');
  const transferForm = $('transfer-form');
  const baseTitle = document.title;

  let state = { current: null, parked: [], waiting: null };
  let ready = false;
  let busy = false;
  let shownTicket = null;
  let refreshTimer = null;

  function stateLabel(ticket) {
    if (ticket.state === 'serving') return 'In Bedienung';
    if (ticket.state === 'called') return ticket.recalls > 0 ? `Aufgerufen · ${ticket.recalls + 1}. Aufruf` : 'Aufgerufen';
    if (ticket.state === 'waiting') return 'Wartet';
    return ticket.state;
  }

  function serviceNames(ticket) {
    return (ticket.services || []).map((service) => service.name || service.id);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderTicket(ticket) {
    $('ticket-number').textContent = ticket.number;
    $('ticket-state').textContent = stateLabel(ticket);
    $('ticket-card').dataset.state = ticket.state;
    $('ticket-issued').textContent = R.clockTime(ticket.issuedAt);
    $('ticket-appointment-row').hidden = !ticket.appointment;
    $('ticket-appointment').textContent = ticket.appointment || '';
    if (shownTicket === ticket.id) return; // keep the clerk's ticks in the checklist
    shownTicket = ticket.id;
    $('ticket-services').replaceChildren(...serviceNames(ticket).map((name) => element('li', '', name)));
    const documents = ticket.documents || [];
    $('ticket-no-documents').hidden = documents.length > 0;
    $('ticket-documents').replaceChildren(...documents.map((documentItem) => {
      const item = element('li');
      const label = element('label', 'check');
      const box = element('input');
      box.type = 'checkbox';
      label.append(box, ' ', element('span', 'document-name', documentItem.name));
      if (documentItem.condition) label.append(' ', element('span', 'document-condition', documentItem.condition));
      if (documentItem.note) label.append(' ', element('span', 'document-note', documentItem.note));
      item.append(label);
      return item;
    }));
  }

  function render() {
    const ticket = state.current;
    $('current-empty').hidden = Boolean(ticket);
    $('ticket-card').hidden = !ticket;
    if (ticket) renderTicket(ticket);
    else shownTicket = null;
    $('waiting-count').textContent = state.waiting === null || state.waiting === undefined ? '–' : String(state.waiting);
    document.title = ticket ? `${ticket.number} · ${baseTitle}` : baseTitle;

    const template = $('parked-template');
    const parked = state.parked || [];
    $('parked-empty').hidden = parked.length > 0;
    $('parked-list').replaceChildren(...parked.map((item) => {
      const row = template.content.firstElementChild.cloneNode(true);
      row.querySelector('.parked-number').textContent = item.number;
      row.querySelector('.parked-services').textContent = serviceNames(item).join(', ');
      const resume = row.querySelector('[data-resume]');
      resume.dataset.resume = item.id;
      resume.disabled = busy || !ready;
      return row;
    }));

    const called = Boolean(ticket) && ticket.state === 'called';
    const atCounter = Boolean(ticket) && (ticket.state === 'called' || ticket.state === 'serving');
    const enabled = {
      next: !ticket,
      recall: called,
      start: called,
      'no-show': called,
      finish: atCounter,
      park: atCounter,
      transfer: atCounter,
    };
    for (const [name, button] of buttons) button.disabled = busy || !ready || !enabled[name];
  }

  async function refresh(automatic) {
    try {
      const data = await R.api('GET', urls.counter, undefined, automatic ? { 'X-Rathaus-Background': '1' } : {});
      if (data) state = { current: data.current || null, parked: data.parked || [], waiting: data.waiting };
    } catch (problem) {
      if (problem.status !== 401 && problem.status !== 403) R.showProblem(problem);
    }
    render();
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => refresh(true), 250);
  }

  async function run(request, after) {
    if (busy) return;
    busy = true;
    render();
    try {
      const result = await request();
      if (after) after(result);
    } catch (problem) {
      R.showProblem(problem);
    } finally {
      busy = false;
      await refresh();
    }
  }

  function ticketURL(id, action) {
    return `${urls.tickets}/${encodeURIComponent(id)}/${action}`;
  }

  function act(action) {
    if (!ready || busy) return;
    const ticket = state.current;
    if (action === 'next') {
      run(() => R.api('POST', urls.callNext), (result) => {
        if (result) {
          state.current = result;
          R.clearMessage();
        } else {
          R.showMessage('Niemand wartet', 'Gerade wartet niemand, den dieser Schalter bedienen kann.', 'info');
        }
      });
    } else if (action === 'transfer') {
      if (ticket && dialog) {
        transferForm.reset();
        dialog.showModal();
      }
    } else if (ticket) {
      run(() => R.api('POST', ticketURL(ticket.id, action)), (result) => {
        state.current = result && (result.state === 'called' || result.state === 'serving') ? result : null;
      });
    }
  }

  function setUpTransfer() {
    if (!dialog || !transferForm) return;
    $('transfer-cancel').addEventListener('click', () => dialog.close());
    transferForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const ticket = state.current;
      if (!ticket) {
        dialog.close();
        return;
      }
      const services = Array.from(transferForm.querySelectorAll('input[name="service"]:checked')).map((b) => b.value);
      const select = transferForm.querySelector('select[name="counter"]');
      const payload = {};
      if (services.length > 0) payload.services = services;
      if (select && select.value) payload.counter = select.value;
      if (!payload.services && !payload.counter) {
        R.showMessage('Ziel fehlt', 'Wählen Sie ein Anliegen oder einen Schalter.');
        return;
      }
      dialog.close();
      run(() => R.api('POST', ticketURL(ticket.id, 'transfer'), payload), () => {
        state.current = null;
      });
    });
  }

  function setUpInput() {
    for (const [name, button] of buttons) button.addEventListener('click', () => act(name));
    $('parked-list').addEventListener('click', (event) => {
      const button = event.target.closest('[data-resume]');
      if (button && button.dataset.resume) run(() => R.api('POST', ticketURL(button.dataset.resume, 'resume')));
    });
    document.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
      if (dialog && dialog.open) return;
      const target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
      const action = shortcuts.get(event.key.toLowerCase());
      if (!action) return;
      event.preventDefault();
      const button = buttons.get(action);
      if (button && !button.disabled) act(action);
    });
  }

  function follow() {
    if (!('EventSource' in window) || !urls.events) return;
    const stream = new EventSource(urls.events);
    const connection = $('connection');
    const update = () => {
      connection.hidden = true;
      scheduleRefresh();
    };
    stream.addEventListener('queue', update);
    stream.addEventListener('board', update);
    stream.addEventListener('open', () => {
      connection.hidden = true;
    });
    stream.addEventListener('error', () => {
      connection.hidden = false;
      if (stream.readyState === EventSource.CLOSED) setTimeout(follow, STREAM_RETRY_MS);
    });
  }

  setUpInput();
  setUpTransfer();
  render();
  R.requireSession(() => {
    ready = true;
    refresh(false);
  });
  follow();
  setInterval(() => {
    if (ready) refresh(true);
  }, REFRESH_MS);
})();