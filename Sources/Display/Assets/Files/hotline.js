// Rathaus hotline console. Needs common.js (window.Rathaus) loaded before it; the staff member is
// signed in, and the API calls carry the session's cookie and form token (common.js).
// - Search: GET {data-earliest-url}?service=a[&service=b]&persons=n -> {offices: [{office, name, start}]},
//   soonest first, on submit and (without moving the focus) when a choice changes; "Andere Zeiten"
//   loads GET /v1/offices/{office}/availability (the hotline's contingent, as the staff member has
//   the hotline role) into a day list with time buttons.
// - Hold: POST {data-holds-url} {office, services, persons, start}; extend POST /v1/holds/{id}/extend;
//   release DELETE /v1/holds/{id}. The countdown runs on the server's clock (data-server-time).
// - Book: POST {data-bookings-url} {hold, contact} with an Idempotency-Key; the reference is shown
//   large and spelled with DIN 5009 words, and the checklist numbered for reading out.
// - Find: POST {data-search-url} {query} with a reference, a phone number, part of an e-mail
//   address or a name (a POST, so that none of it stands in a URL) -> {kind, bookings, more}; one
//   booking is shown at once, several are listed to choose from; move POST
//   /v1/bookings/{id}/reschedule {start} and cancel DELETE /v1/bookings/{id}, both with If-Match
//   of the version read. The booking's mail: GET /v1/bookings/{id}/messages (what became of each
//   message, "nicht zugestellt: 550 …" for staff), and POST /v1/bookings/{id}/messages sends the
//   confirmation again.
// - Wishes: after a search, GET {data-wish-summary-url} -> {services: [{service, waiting, offered}]}
//   shows how many wait for the services; the wish form POSTs {data-wishes-url} {services, persons,
//   offices, latest, contact} for the caller (it counts at once; the caller gets its link by mail).
// - Problems are shown in German (common.js words them by their kind).
// - Shortcuts (no Ctrl, Alt or Meta; letters only while no text field has the focus): S search,
//   1-9 hold the n-th result, N caller's name, V extend, F release, T find, U move, A cancel; Esc
//   leaves a text field or closes the dialog.
'use strict';

(() => {
  const R = window.Rathaus;
  const body = document.body;
  const $ = (id) => document.getElementById(id);
  const WARN_SECONDS = 120;
  const skew = body.dataset.serverTime ? Number(body.dataset.serverTime) - Date.now() : 0;
  const zone = body.dataset.timeZone || undefined;
  // DIN 5009:2022, the German spelling alphabet (city names).
  const SPELLING = {
    A: 'Aachen', B: 'Berlin', C: 'Chemnitz', D: 'Düsseldorf', E: 'Essen', F: 'Frankfurt', G: 'Goslar',
    H: 'Hamburg', I: 'Ingelheim', J: 'Jena', K: 'Köln', L: 'Leipzig', M: 'München', N: 'Nürnberg',
    O: 'Offenbach', P: 'Potsdam', Q: 'Quickborn', R: 'Rostock', S: 'Salzwedel', T: 'Tübingen', U: 'Unna',
    V: 'Völklingen', W: 'Wuppertal', X: 'Xanten', Y: 'Ypsilon', Z: 'Zwickau',
  };

  const services = new Map();
  const offices = new Map();
  let results = [];
  let search = null; // {services, persons}
  let hold = null;
  let holdTimer = null;
  let warned = false;
  let found = null;
  let busy = false;

  function now() {
    return Date.now() + skew;
  }

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function announce(text) {
    const live = $('live');
    if (!live) return;
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 100);
  }

  function day(instant) {
    const options = { weekday: 'short', day: '2-digit', month: '2-digit' };
    try {
      return new Date(instant).toLocaleDateString('de-DE', { ...options, timeZone: zone });
    } catch (error) {
      return new Date(instant).toLocaleDateString('de-DE', options);
    }
  }

  function when(start, end) {
    return `${day(start)}, ${R.clockTime(start)}${end ? `–${R.clockTime(end)}` : ''} Uhr`;
  }

  function serviceNames(ids) {
    return ids.map((id) => (services.get(id) || { name: id }).name).join(', ');
  }

  // "K wie Köln · 7 · M wie München – 4 · P wie Potsdam · Q wie Quickborn"
  function spelled(reference) {
    return reference.split('-').map((part) => Array.from(part).map((c) => (SPELLING[c] ? `${c} wie ${SPELLING[c]}` : c)).join(' · ')).join(' – ');
  }

  function key() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function guarded(work) {
    if (busy) return;
    busy = true;
    try {
      await work();
    } catch (problem) {
      R.showProblem(problem);
      announce(`${problem.title || 'Fehler'}. ${problem.detail || ''}`);
    } finally {
      busy = false;
    }
  }

  // MARK: Search

  function chosenServices() {
    return [$('search-service').value, $('search-extra').value].filter((id, index, all) => id && all.indexOf(id) === index);
  }

  function query(list, persons) {
    return list.map((id) => `service=${encodeURIComponent(id)}`).join('&') + `&persons=${persons}`;
  }

  // `focus`: move to the first result (after the clerk asked; not while they pick a service).
  async function runSearch(focus = true) {
    const list = chosenServices();
    const persons = Math.max(1, Math.min(20, Number($('search-persons').value) || 1));
    const office = $('search-office').value;
    search = { services: list, persons };
    const answer = await R.api('GET', `${body.dataset.earliestUrl}?${query(list, persons)}`);
    results = (answer.offices || []).filter((item) => !office || item.office === office);
    renderResults();
    $('day-picker').hidden = true;
    const first = $('results').querySelector('button');
    if (first && focus) first.focus();
    announce(results.length ? `${results.length} Standorte gefunden. Frühester: ${when(results[0].start)}, ${results[0].name}.` : 'Keine freien Zeiten gefunden.');
    await showWishes();
  }

  function renderResults() {
    $('results-empty').hidden = results.length > 0;
    $('results-empty').textContent = search ? 'Keine freien Zeiten in den nächsten Monaten.' : 'Noch nicht gesucht.';
    $('results').replaceChildren(...results.map((item, index) => {
      const row = element('li', 'result');
      const number = index + 1;
      const take = element('button', 'button result-take');
      take.type = 'button';
      if (number <= 9) take.setAttribute('aria-keyshortcuts', String(number));
      take.append(element('kbd', '', String(number)), ' ', element('span', 'result-when', when(item.start)), ' ', element('span', 'result-where', item.name));
      take.addEventListener('click', () => guarded(() => placeHold(item.office, item.start)));
      const more = element('button', 'button button-small', 'Andere Zeiten');
      more.type = 'button';
      more.setAttribute('aria-label', `Andere Zeiten: ${item.name}`);
      more.addEventListener('click', () => guarded(() => loadDays(item.office, 'day')));
      row.append(take, more);
      return row;
    }));
  }

  // Loads an office's free times into the day list `prefix` ('day' for new bookings, 'move' for moving).
  async function loadDays(office, prefix, booking) {
    const list = booking ? booking.services.map((s) => s.id) : search.services;
    const persons = booking ? booking.persons : search.persons;
    const answer = await R.api('GET', `/v1/offices/${encodeURIComponent(office)}/availability?${query(list, persons)}`);
    const days = (answer.days || []).filter((entry) => entry.slots.length > 0);
    const picker = $(`${prefix}-picker`);
    const select = $(prefix === 'day' ? 'day-select' : 'move-day');
    const times = $(`${prefix}-times`);
    select.replaceChildren(...days.map((entry) => {
      const option = element('option', '', `${day(entry.slots[0])} (${entry.slots.length} Zeiten)`);
      option.value = entry.date;
      return option;
    }));
    const show = () => {
      const entry = days.find((d) => d.date === select.value);
      times.replaceChildren(...(entry ? entry.slots : []).map((start) => {
        const item = element('li');
        const button = element('button', 'button button-small time', R.clockTime(start));
        button.type = 'button';
        button.setAttribute('aria-label', `${when(start)}`);
        button.addEventListener('click', () => guarded(() => (booking ? moveTo(booking, start) : placeHold(office, start))));
        item.append(button);
        return item;
      }));
    };
    select.onchange = show;
    show();
    picker.hidden = false;
    picker.dataset.office = office;
    select.focus();
    if (!days.length) announce('Keine freien Zeiten in den nächsten zwei Wochen.');
  }

  // MARK: Hold and book

  async function placeHold(office, start) {
    if (hold) await release(true);
    const answer = await R.api('POST', body.dataset.holdsUrl, {
      office, services: search.services, persons: search.persons, start,
    });
    hold = answer;
    warned = false;
    $('booked-card').hidden = true;
    renderHold();
    $('book-name').focus();
    announce(`Reserviert: ${when(hold.start, hold.end)}, ${officeName(office)}. Name des Anrufers eingeben.`);
  }

  function officeName(id) {
    return (offices.get(id) || { name: id }).name;
  }

  function renderHold() {
    $('hold-empty').hidden = Boolean(hold);
    $('hold-card').hidden = !hold;
    clearInterval(holdTimer);
    if (!hold) return;
    $('hold-when').textContent = when(hold.start, hold.end);
    $('hold-where').textContent = officeName(hold.office);
    $('hold-services').textContent = `${serviceNames(hold.services)} · ${hold.persons} ${hold.persons === 1 ? 'Person' : 'Personen'}`;
    $('hold-extend').disabled = hold.extensions >= hold.maxExtensions;
    const tick = () => {
      const left = Math.max(0, Math.round((new Date(hold.expiresAt).getTime() - now()) / 1000));
      $('hold-countdown').textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} Min.`;
      $('hold-card').dataset.state = left <= 0 ? 'expired' : left <= WARN_SECONDS ? 'warning' : 'running';
      if (left <= WARN_SECONDS && left > 0 && !warned) {
        warned = true;
        R.showMessage('Reservierung läuft bald ab', 'Noch 2 Minuten. V verlängert sie.', 'error');
      }
      if (left <= 0) {
        clearInterval(holdTimer);
        R.showMessage('Reservierung abgelaufen', 'Die Zeit ist nicht mehr gehalten. Beim Buchen wird sie gebucht, wenn sie noch frei ist; sonst bitte neu suchen.', 'error');
      }
    };
    tick();
    holdTimer = setInterval(tick, 1000);
  }

  async function extend() {
    if (!hold) return;
    hold = await R.api('POST', `/v1/holds/${encodeURIComponent(hold.id)}/extend`);
    warned = false;
    renderHold();
    R.showMessage('Verlängert', `Reserviert bis ${R.clockTime(hold.expiresAt)} Uhr.`, 'info');
    announce(`Verlängert bis ${R.clockTime(hold.expiresAt)} Uhr.`);
  }

  async function release(quiet) {
    if (!hold) return;
    const id = hold.id;
    hold = null;
    renderHold();
    try {
      await R.api('DELETE', `/v1/holds/${encodeURIComponent(id)}`);
    } catch (problem) {
      // Already gone (expired or booked): nothing to release.
    }
    if (!quiet) announce('Reservierung freigegeben.');
  }

  function contact() {
    const result = { name: $('book-name').value.trim() };
    const phone = $('book-phone').value.trim();
    const email = $('book-email').value.trim();
    if (phone) result.phone = phone;
    if (email) result.email = email;
    return result;
  }

  async function book() {
    if (!hold) return;
    const person = contact();
    if (!person.name) {
      R.showMessage('Name fehlt', 'Bitte den Namen des Anrufers eingeben.', 'error');
      $('book-name').focus();
      return;
    }
    const payload = { hold: hold.id, contact: person };
    let booking;
    try {
      booking = await bookWith(payload);
    } catch (problem) {
      if (problem.status !== 410 && problem.status !== 404) throw problem;
      // The hold ran out: book the same time directly if it is still free.
      booking = await bookWith({ office: hold.office, services: hold.services, persons: hold.persons, start: hold.start, contact: person });
    }
    hold = null;
    renderHold();
    for (const id of ['book-name', 'book-phone', 'book-email']) $(id).value = '';
    R.clearMessage();
    renderFacts('booked', booking);
    $('booked-card').hidden = false;
    $('booked-card').focus();
    announce(`Gebucht. Buchungsnummer ${spelled(booking.reference)}.`);
  }

  function bookWith(payload) {
    return R.api('POST', body.dataset.bookingsUrl, payload, { 'Idempotency-Key': key() });
  }

  function renderFacts(prefix, booking) {
    $(`${prefix}-reference`).textContent = booking.reference;
    $(`${prefix}-spelled`).textContent = spelled(booking.reference);
    $(`${prefix}-when`).textContent = when(booking.start, booking.end);
    $(`${prefix}-where`).textContent = [booking.officeName, ...(booking.address || [])].join(', ');
    $(`${prefix}-services`).textContent = `${booking.services.map((s) => s.name).join(', ')} · ${booking.persons} ${booking.persons === 1 ? 'Person' : 'Personen'}`;
    $(`${prefix}-fee`).textContent = !booking.fee ? 'keine Angabe' : booking.fee.cents === 0 ? 'gebührenfrei' : booking.fee.text;
    const several = (booking.services || []).length > 1;
    const documents = booking.documents || [];
    $(`${prefix}-documents`).replaceChildren(...(documents.length ? documents : [{ name: 'Keine Unterlagen nötig.' }]).map((item) => {
      const row = element('li');
      row.append(element('span', 'document-name', item.name));
      if (item.condition) row.append(' ', element('span', 'document-condition', `(${item.condition})`));
      if (item.note) row.append(' ', element('span', 'document-note', `– ${item.note}`));
      if (several && item.services && item.services.length) {
        row.append(' ', element('span', 'document-for', `(für ${serviceNames(item.services)})`));
      }
      return row;
    }));
  }

  // MARK: Find, move, cancel

  async function lookup() {
    const query = $('lookup-reference').value.trim();
    if (!query) return;
    const answer = await R.api('POST', body.dataset.searchUrl, { query });
    const list = (answer && answer.bookings) || [];
    const count = $('lookup-count');
    const results = $('lookup-results');
    results.replaceChildren();
    results.hidden = true;
    count.hidden = true;
    if (list.length === 0) {
      $('found-card').hidden = true;
      R.showMessage('Nichts gefunden', 'Kein heutiger oder kommender Termin passt. Schreibweise prüfen oder anders suchen.', 'info');
      announce('Nichts gefunden.');
      return;
    }
    R.clearMessage();
    if (list.length === 1) {
      choose(list[0]);
      return;
    }
    $('found-card').hidden = true;
    count.textContent = answer.more
      ? `Mehr als ${list.length} Termine passen; die ersten ${list.length}. Bitte genauer suchen.`
      : `${list.length} Termine passen. Bitte wählen:`;
    count.hidden = false;
    results.replaceChildren(...list.map((booking) => {
      const item = element('li');
      const button = element('button', 'button button-small');
      button.type = 'button';
      button.append(
        element('span', 'result-reference', booking.reference), ' · ', when(booking.start, booking.end), ' · ',
        (booking.contact && booking.contact.name) || '', ' · ', booking.officeName || '',
        booking.status === 'cancelled' ? ' · abgesagt' : '',
      );
      button.addEventListener('click', () => choose(booking));
      item.append(button);
      return item;
    }));
    results.hidden = false;
    results.querySelector('button').focus();
    announce(`${list.length} Termine gefunden.`);
  }

  function choose(booking) {
    showFound(booking);
    $('found-card').focus();
    announce(`Gefunden: ${booking.reference}, ${when(booking.start, booking.end)}, ${booking.status === 'cancelled' ? 'abgesagt' : 'gebucht'}.`);
  }

  function showFound(booking) {
    found = booking;
    renderFacts('found', booking);
    const cancelled = booking.status === 'cancelled';
    $('found-status').textContent = cancelled ? 'Abgesagt' : 'Gebucht';
    $('found-card').dataset.status = booking.status;
    const person = booking.contact || {};
    $('found-contact').textContent = [person.name, person.phone, person.email].filter(Boolean).join(' · ');
    $('found-move').disabled = cancelled;
    $('found-cancel').disabled = cancelled;
    $('move-picker').hidden = true;
    $('found-card').hidden = false;
    loadMail(booking).catch(() => { $('found-mail').replaceChildren(element('li', '', 'Stand der E-Mails nicht abrufbar.')); });
  }

  const MAIL_KINDS = {
    confirmation: 'Bestätigung', 'confirmation-request': 'Bitte um Bestätigung', reminder: 'Erinnerung',
    moved: 'Nachricht „verschoben“', cancelled: 'Nachricht „abgesagt“', released: 'Nachricht „freigegeben“',
  };

  function mailLine(message) {
    const kind = MAIL_KINDS[message.kind] || message.kind;
    switch (message.status) {
      case 'sent': return `${kind}: versandt ${day(message.finishedAt)}, ${R.clockTime(message.finishedAt)} Uhr`;
      case 'failed': return `${kind} nicht zugestellt: ${message.result || 'abgelehnt'}`;
      case 'dropped': return `${kind}: nicht gesendet (${message.result || 'nicht mehr nötig'})`;
      default:
        if (message.attempts > 0) return `${kind}: wird erneut versucht (${message.result || 'vorübergehender Fehler'})`;
        return new Date(message.notBefore).getTime() > now() ? `${kind}: geplant für ${when(message.notBefore)}` : `${kind}: wird gesendet`;
    }
  }

  async function loadMail(booking) {
    const answer = await R.api('GET', `/v1/bookings/${encodeURIComponent(booking.id)}/messages`);
    if (!found || found.id !== booking.id) return;
    const messages = answer.messages || [];
    const lines = !answer.mailed ? ['Keine E-Mail-Adresse: keine E-Mails.'] : messages.length ? messages.map(mailLine) : ['Noch keine E-Mails.'];
    $('found-mail').replaceChildren(...lines.map((line) => element('li', '', line)));
    $('found-resend').hidden = !answer.mailed || booking.status === 'cancelled';
  }

  async function resend() {
    const booking = found;
    if (!booking) return;
    await R.api('POST', `/v1/bookings/${encodeURIComponent(booking.id)}/messages`);
    R.showMessage('Bestätigung erneut gesendet', `Die Bestätigung für ${booking.reference} geht noch einmal an die E-Mail-Adresse des Termins.`, 'info');
    announce('Bestätigung wird erneut gesendet.');
    await loadMail(booking);
  }

  async function moveTo(booking, start) {
    const moved = await R.api('POST', `/v1/bookings/${encodeURIComponent(booking.id)}/reschedule`, { start }, { 'If-Match': `"${booking.sequence}"` });
    showFound({ ...moved, contact: booking.contact });
    forgetBooked(booking.reference);
    $('found-card').focus();
    R.showMessage('Umgebucht', `Neuer Termin: ${when(moved.start, moved.end)}.`, 'info');
    announce(`Umgebucht auf ${when(moved.start, moved.end)}.`);
  }

  // The "Gebucht" card shows a booking as it was made; once it is moved or cancelled, it goes.
  function forgetBooked(reference) {
    if ($('booked-reference').textContent === reference) $('booked-card').hidden = true;
  }

  function askCancel() {
    if (!found || found.status === 'cancelled') return;
    $('cancel-what').textContent = `${found.reference}: ${when(found.start, found.end)}, ${found.officeName}`;
    $('cancel-dialog').returnValue = '';
    $('cancel-dialog').showModal();
  }

  async function cancelFound() {
    const booking = found;
    const cancelled = await R.api('DELETE', `/v1/bookings/${encodeURIComponent(booking.id)}`, undefined, { 'If-Match': `"${booking.sequence}"` });
    showFound({ ...cancelled, contact: booking.contact });
    forgetBooked(booking.reference);
    $('found-card').focus();
    R.showMessage('Abgesagt', `${booking.reference} ist abgesagt; die Zeit ist wieder frei.`, 'info');
    announce(`${booking.reference} abgesagt.`);
  }

  // MARK: Wishes

  // How many wishes wait for the searched services, and the form to leave one for the caller.
  async function showWishes() {
    if (!search) return;
    const answer = await R.api('GET', body.dataset.wishSummaryUrl);
    const counts = (answer.services || []).filter((item) => search.services.includes(item.service));
    const waiting = Math.max(0, ...counts.map((item) => item.waiting));
    const offered = Math.max(0, ...counts.map((item) => item.offered));
    $('wish-count').textContent = `${waiting} ${waiting === 1 ? 'Terminwunsch wartet' : 'Terminwünsche warten'} auf ${serviceNames(search.services)}${offered ? `, ${offered} mit offenem Angebot` : ''}.`;
    $('wish-box').hidden = false;
  }

  async function leaveWish() {
    if (!search) return;
    const name = $('wish-name').value.trim();
    const email = $('wish-email').value.trim();
    const latest = $('wish-latest').value;
    if (!name || !email || !latest) {
      R.showMessage('Angaben fehlen', 'Bitte Name, E-Mail und das späteste Datum eingeben.', 'error');
      $(name ? (email ? 'wish-latest' : 'wish-email') : 'wish-name').focus();
      return;
    }
    const chosen = $('search-office').value;
    const where = Array.from(offices.values())
      .filter((office) => (!chosen || office.id === chosen) && search.services.every((id) => office.services.includes(id)))
      .map((office) => office.id);
    await R.api('POST', body.dataset.wishesUrl, {
      services: search.services, persons: search.persons, offices: where, latest, contact: { name, email },
    });
    for (const id of ['wish-name', 'wish-email', 'wish-latest']) $(id).value = '';
    R.showMessage('Terminwunsch aufgenommen', 'Der Anrufer bekommt eine E-Mail mit dem Link zu seinem Wunsch; ein passender freier Termin wird ihm per E-Mail angeboten.', 'info');
    announce('Terminwunsch aufgenommen.');
    await showWishes();
  }

  // MARK: Wiring

  function typing(target) {
    if (!target || !target.tagName) return false;
    const tag = target.tagName.toLowerCase();
    if (tag === 'textarea' || tag === 'select') return true;
    if (tag !== 'input') return target.isContentEditable;
    return !['button', 'submit', 'checkbox', 'radio'].includes((target.type || '').toLowerCase());
  }

  function onKey(event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const dialogOpen = $('cancel-dialog').open;
    if (event.key === 'Escape') {
      if (!dialogOpen && typing(event.target)) event.target.blur();
      return;
    }
    if (dialogOpen || typing(event.target)) return;
    const letter = event.key.toLowerCase();
    const actions = {
      s: () => $('search-service').focus(),
      n: () => { if (hold) $('book-name').focus(); },
      v: () => guarded(extend),
      f: () => guarded(() => release(false)),
      t: () => $('lookup-reference').focus(),
      u: () => { if (found && found.status !== 'cancelled') guarded(() => loadDays(found.office, 'move', found)); },
      a: () => askCancel(),
    };
    if (/^[1-9]$/.test(letter)) {
      const item = results[Number(letter) - 1];
      if (!item) return;
      event.preventDefault();
      guarded(() => placeHold(item.office, item.start));
      return;
    }
    if (actions[letter]) {
      event.preventDefault();
      actions[letter]();
    }
  }

  async function ready() {
    const [serviceList, officeList] = await Promise.all([
      R.api('GET', body.dataset.servicesUrl), R.api('GET', body.dataset.officesUrl),
    ]);
    for (const service of serviceList) services.set(service.id, service);
    R.setServiceNames(serviceList.map((service) => [service.id, service.name]));
    for (const office of officeList) offices.set(office.id, office);
  }

  $('wish-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(leaveWish);
  });

  // Choosing a service already shows its earliest times; Enter on a choice searches and goes to them.
  let searchTimer = null;
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    guarded(runSearch);
  });
  for (const id of ['search-service', 'search-extra', 'search-office']) {
    $(id).addEventListener('change', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => guarded(() => runSearch(false)), 300);
    });
    $(id).addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      clearTimeout(searchTimer);
      $('search-form').requestSubmit();
    });
  }
  $('book-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(book);
  });
  $('lookup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(lookup);
  });
  $('hold-extend').addEventListener('click', () => guarded(extend));
  $('hold-release').addEventListener('click', () => guarded(() => release(false)));
  $('found-move').addEventListener('click', () => guarded(() => loadDays(found.office, 'move', found)));
  $('found-cancel').addEventListener('click', askCancel);
  $('found-resend').addEventListener('click', () => guarded(resend));
  $('cancel-dialog').addEventListener('close', () => {
    if ($('cancel-dialog').returnValue === 'cancel') guarded(cancelFound);
  });
  document.addEventListener('keydown', onKey);
  R.requireSession(() => { ready().catch((problem) => R.showProblem(problem)); });
})();