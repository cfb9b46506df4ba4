// Rathaus kiosk (Wartemarkenautomat). Needs common.js (window.Rathaus) loaded before it.
// - Start screen: one button per service group; a group with one service draws its ticket at
//   once, otherwise its services are offered. "Ich habe einen Termin" opens the check-in.
// - POST {data-tickets-url} {"services":[id]} or POST {data-check-in-url} {"reference":"K7M-4PQ"}
//   with the kiosk's token; the answer's links.print is the printable ticket, which the kiosk
//   opens (it prints itself and comes back here). Problems (RFC 9457) are shown in German, worded
//   by common.js from their kind and extension members (dates as people write them, no ids), in
//   the alert region. An answer's "notice" (e.g. a late arrival that got a walk-in
//   ticket) is shown for a few seconds first.
// - Group buttons show the waiting count and estimate from GET {data-board-url}, every 30 s.
// - After 60 s without a touch, any screen returns to the start.
// - A hand scanner (a keyboard to the browser: it types what the code holds and Enter, within
//   milliseconds) works on every screen: a booking reference read off a confirmation, or the
//   arrival code of a ticket taken from home read off a phone, checks in at once. Keys typed more
//   than SCAN_GAP_MS apart start a new code. A scanner set to a US layout on a German keyboard
//   types Z for Y; references have no Z, so it is read as Y.
// - A confirmed arrival (the answer's `arrived`) prints nothing: the citizen follows the call on
//   the phone or the display; the kiosk shows the notice and returns to the start.
'use strict';

(() => {
  const R = window.Rathaus;
  const body = document.body;
  const IDLE_MS = 60000;
  const BOARD_MS = 30000;
  const NOTICE_MS = 5000;
  const SCAN_GAP_MS = 300;
  // What a citizen at the kiosk reads for problems the kiosk words its own way.
  const KIOSK_WORDS = {
    'not-found': ['Buchungsnummer nicht gefunden',
      'Bitte prüfen Sie die Nummer auf Ihrer Bestätigung. Termine an einem anderen Standort melden Sie bitte dort an.'],
    unauthorized: ['Dieses Gerät ist nicht eingerichtet', 'Bitte wenden Sie sich an den Empfang.'],
    forbidden: ['Dieses Gerät ist nicht eingerichtet', 'Bitte wenden Sie sich an den Empfang.'],
  };
  const screens = Array.from(document.querySelectorAll('[data-screen]'));
  const alphabet = body.dataset.alphabet || 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const input = document.getElementById('reference');
  let current = 'start';
  let busy = false;
  let idleTimer = null;

  function show(name) {
    current = name;
    for (const screen of screens) screen.hidden = screen.dataset.screen !== name;
    const screen = screens.find((element) => element.dataset.screen === name);
    const heading = screen && screen.querySelector('h2, p');
    if (heading && name !== 'start') {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
    resetIdle();
  }

  function resetIdle() {
    clearTimeout(idleTimer);
    if (current === 'start' || current === 'busy') return;
    idleTimer = setTimeout(() => {
      if (input) input.value = '';
      show('start');
    }, IDLE_MS);
  }

  function servicesOf(letter) {
    const screen = screens.find((element) => element.dataset.screen === `group-${letter}`);
    if (!screen) return [];
    return Array.from(screen.querySelectorAll('[data-service]')).map((button) => button.dataset.service);
  }

  async function draw(request) {
    if (busy) return;
    busy = true;
    const back = current;
    R.clearMessage();
    show('busy');
    try {
      const ticket = await request();
      openTicket(ticket);
    } catch (problem) {
      busy = false;
      show(back === 'check-in' ? 'check-in' : 'start');
      R.showProblem(problem, KIOSK_WORDS);
    }
  }

  function openTicket(ticket) {
    if (ticket && ticket.arrived) {
      busy = false;
      if (input) input.value = '';
      show('start');
      R.showMessage(`Ihre Nummer: ${ticket.number}`, ticket.notice || '', 'info');
      return;
    }
    const link = ticket && ticket.links && ticket.links.print;
    const go = () => {
      if (link) {
        window.location.assign(link);
      } else {
        busy = false;
        show('start');
        R.showMessage(`Ihre Nummer: ${ticket ? ticket.number : ''}`, 'Bitte achten Sie auf die Anzeige.', 'info');
      }
    };
    if (ticket && ticket.notice) {
      R.showMessage(`Ihre Nummer: ${ticket.number}`, ticket.notice, 'info');
      setTimeout(go, NOTICE_MS);
    } else {
      go();
    }
  }

  function issue(services) {
    draw(() => R.api('POST', body.dataset.ticketsUrl, { services }));
  }

  function normalise(text) {
    const characters = text.toUpperCase().replace(/Z/g, 'Y').split('')
      .filter((character) => alphabet.includes(character));
    const code = characters.slice(0, 6).join('');
    return code.length > 3 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
  }

  function checkIn(reference) {
    draw(() => R.api('POST', body.dataset.checkInUrl, { reference }));
  }

  // Keys arriving while no text field has the focus: a hand scanner's code and Enter.
  let scanned = '';
  let lastKey = 0;
  function scannerKey(event) {
    if (event.target === input || event.ctrlKey || event.altKey || event.metaKey) return;
    const now = Date.now();
    if (now - lastKey > SCAN_GAP_MS) scanned = '';
    lastKey = now;
    if (event.key === 'Enter' || event.key === 'Tab') {
      const code = normalise(scanned);
      scanned = '';
      if (code.length === 7 && !busy) {
        event.preventDefault();
        checkIn(code);
      }
    } else if (event.key.length === 1) {
      scanned += event.key;
    }
  }

  function setUp() {
    document.addEventListener('keydown', scannerKey);
    document.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button || busy) return;
      if (button.dataset.show) {
        R.clearMessage();
        show(button.dataset.show);
      } else if (button.dataset.group) {
        const services = servicesOf(button.dataset.group);
        if (services.length === 1) issue(services);
        else show(`group-${button.dataset.group}`);
      } else if (button.dataset.service) {
        issue([button.dataset.service]);
      } else if (button.dataset.key && input) {
        input.value = button.dataset.key === 'Backspace'
          ? normalise(input.value.replace(/-$/, '').slice(0, -1))
          : normalise(input.value + button.dataset.key);
      }
    });
    document.addEventListener('pointerdown', resetIdle);
    document.addEventListener('keydown', resetIdle);
    if (input) input.addEventListener('input', () => {
      input.value = normalise(input.value);
    });
    const form = document.getElementById('check-in-form');
    if (form) form.addEventListener('submit', (event) => {
      event.preventDefault();
      const reference = normalise(input.value);
      if (reference.length !== 7) {
        R.showMessage('Buchungsnummer unvollständig', 'Die Buchungsnummer hat sechs Zeichen, z. B. K7M-4PQ.');
        return;
      }
      checkIn(reference);
    });
  }

  async function updateWaits() {
    try {
      const response = await fetch(body.dataset.boardUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) return;
      const board = await response.json();
      for (const group of board.groups || []) {
        for (const element of document.querySelectorAll('[data-wait-for]')) {
          if (element.dataset.waitFor !== group.letter) continue;
          element.textContent = group.waiting > 0
            ? `${group.waiting} wartend · ${R.waitText(group.estimatedWaitMinutes)}`
            : 'keine Wartezeit';
        }
      }
    } catch (error) {
      // The waits are a courtesy; the kiosk works without them.
    }
  }

  setUp();
  R.requireToken(() => show('start'));
  updateWaits();
  setInterval(updateWaits, BOARD_MS);
})();