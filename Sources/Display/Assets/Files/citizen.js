// Rathaus citizen pages. Everything here enhances pages that work without JavaScript:
// - Countdown: #hold-box carries data-remaining-seconds (by the server's clock, so a wrong device
//   clock does not matter) and data-warn-seconds. #countdown (role="timer", not announced every
//   second) shows the time left; at data-warn-seconds the alert #hold-warning says so, and at zero
//   that the hold has run out (the server still books the time if it is free) (WCAG 2.2.1).
// - Forms marked data-enhance (the times) and buttons marked data-extend (the hold's extension) are
//   sent with fetch. A redirect is followed by navigating to it; any other answer is a page whose
//   <main> replaces this one's: what was typed comes back from the server, the notice is announced
//   in the polite live region #live and receives the focus, so a time taken meanwhile is reported
//   with the next free times without a reload.
// - [data-print] buttons (hidden without script) print the page.
// - The waiting room (#room-status with data-refresh): while the citizen waits, the page is loaded
//   again every data-refresh seconds (the server says how soon something can change) and its
//   <main> replaces this one's without moving the focus; the polite live region announces
//   data-announce only when it changes (the place drawn, a new expected time, the admission), so
//   the wait is not read out every time the page updates. Without script a <noscript> refresh
//   does the reloading.
'use strict';

(() => {
  const live = document.getElementById('live');
  let countdownTimer = null;
  let sending = false;

  function announce(text) {
    if (!live) return;
    live.textContent = '';
    // A change after a pause, so that screen readers announce the same words twice in a row too.
    setTimeout(() => { live.textContent = text; }, 100);
  }

  function clock(seconds) {
    const value = Math.max(0, seconds);
    const rest = value % 60;
    return `${Math.floor(value / 60)}:${rest < 10 ? '0' : ''}${rest}`;
  }

  function startCountdown() {
    clearInterval(countdownTimer);
    const box = document.getElementById('hold-box');
    const display = document.getElementById('countdown');
    const warning = document.getElementById('hold-warning');
    if (!box || !display || !warning) return;
    const total = Number(box.dataset.remainingSeconds || 0);
    const warnAt = Number(box.dataset.warnSeconds || 120);
    const started = performance.now();
    let stage = 'running';
    const tick = () => {
      const left = Math.max(0, Math.round(total - (performance.now() - started) / 1000));
      display.hidden = false;
      display.textContent = (box.dataset.textLeft || '%s').replace('%s', clock(left));
      if (left <= 0 && stage !== 'expired') {
        stage = 'expired';
        box.dataset.state = 'expired';
        warning.textContent = box.dataset.textExpired || '';
        clearInterval(countdownTimer);
      } else if (left > 0 && left <= warnAt && stage === 'running') {
        stage = 'warned';
        box.dataset.state = 'warning';
        warning.textContent = box.dataset.textWarning || '';
      }
    };
    tick();
    countdownTimer = setInterval(tick, 1000);
  }

  function text(node) {
    return node ? node.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  // Replaces <main> with the answer's and tells what happened.
  function show(page) {
    const main = document.getElementById('main');
    const fresh = page.getElementById('main');
    if (!main || !fresh) return false;
    const notice = fresh.querySelector('#notice');
    if (notice) notice.removeAttribute('role'); // announced through #live instead, once
    main.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
    if (page.title) document.title = page.title;
    startCountdown();
    const shown = document.getElementById('notice');
    if (shown) {
      shown.focus();
      announce(text(shown));
    } else {
      main.focus();
    }
    return true;
  }

  async function send(form, submitter) {
    if (sending) return;
    sending = true;
    const action = (submitter && submitter.getAttribute('formaction')) || form.getAttribute('action');
    const body = new URLSearchParams(new FormData(form, submitter || null));
    try {
      const response = await fetch(action, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { Accept: 'text/html' },
      });
      if (response.redirected) {
        window.location.assign(response.url);
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (!show(page)) window.location.reload();
    } catch (error) {
      // No answer (offline): send the form the ordinary way, which shows the browser's own error.
      sending = false;
      if (submitter) submitter.removeAttribute('data-extend');
      form.requestSubmit(submitter || undefined);
      return;
    }
    sending = false;
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    const submitter = event.submitter;
    const enhanced = form.hasAttribute('data-enhance') || (submitter && submitter.hasAttribute('data-extend'));
    if (!enhanced || !window.fetch || !window.DOMParser) return;
    event.preventDefault();
    send(form, submitter);
  });

  let roomTimer = null;
  let roomAnnounced = null;

  function followRoom() {
    clearTimeout(roomTimer);
    const status = document.getElementById('room-status');
    if (!status || !window.fetch || !window.DOMParser) return;
    if (roomAnnounced === null) roomAnnounced = status.dataset.announce || '';
    const seconds = Number(status.dataset.refresh || 0);
    if (!(seconds > 0)) return;
    roomTimer = setTimeout(async () => {
      try {
        const response = await fetch(window.location.href, {
          credentials: 'same-origin', headers: { Accept: 'text/html' }, cache: 'no-store',
        });
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const main = document.getElementById('main');
        const fresh = page.getElementById('main');
        if (response.ok && main && fresh) {
          const focused = document.activeElement && main.contains(document.activeElement) ? document.activeElement.id : '';
          main.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
          if (page.title) document.title = page.title;
          const again = focused && document.getElementById(focused);
          if (again) again.focus({ preventScroll: true });
          const next = document.getElementById('room-status');
          const words = next ? next.dataset.announce || '' : '';
          if (words && words !== roomAnnounced) announce(words);
          roomAnnounced = words;
        }
      } catch (error) {
        // No answer this time (offline for a moment): the next round tries again.
      }
      followRoom();
    }, seconds * 1000);
  }

  for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }

  startCountdown();
  followRoom();
})();