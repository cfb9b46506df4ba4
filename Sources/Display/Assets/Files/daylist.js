// Rathaus day list: an office's bookings of a day for the hotline and the counters. Needs
// common.js (window.Rathaus) loaded before it; the staff member is signed in, and the request
// carries the session's cookie.
// - GET /v1/offices/{office}/bookings?date=YYYY-MM-DD -> {bookings: [...]} with checkedIn and
//   ticket; one row per booking, by start: time, counter, services, persons, reference, name,
//   checked in (with the ticket's number), not yet, or cancelled.
// - The office and day are a GET form; with script, changing either loads the list in place and
//   puts the choice into the address (history.replaceState), which holds nothing personal.
'use strict';

(() => {
  const R = window.Rathaus;
  const $ = (id) => document.getElementById(id);
  const form = $('day-form');

  function cell(text, className) {
    const node = document.createElement('td');
    if (className) node.className = className;
    node.textContent = text;
    return node;
  }

  function span(start, end) {
    return `${R.clockTime(start)}–${R.clockTime(end)}`;
  }

  function checkedIn(booking) {
    if (booking.status === 'cancelled') return 'abgesagt';
    if (booking.checkedIn) return booking.ticket ? `ja, ${booking.ticket}` : 'ja';
    return 'nein';
  }

  function render(office, date, bookings) {
    const active = bookings.filter((booking) => booking.status !== 'cancelled');
    const arrived = active.filter((booking) => booking.checkedIn).length;
    const day = R.longDate(date);
    $('day-caption').textContent = `Termine am ${day}`;
    $('day-summary').textContent = active.length === 0
      ? `Am ${day} ist an diesem Standort nichts gebucht.`
      : `${active.length} ${active.length === 1 ? 'Termin' : 'Termine'} am ${day}, davon ${arrived} angemeldet`
        + (bookings.length > active.length ? `; ${bookings.length - active.length} abgesagt.` : '.');
    $('day-rows').replaceChildren(...bookings.map((booking) => {
      const row = document.createElement('tr');
      row.dataset.status = booking.status;
      row.dataset.checkedIn = booking.checkedIn ? 'yes' : 'no';
      row.append(
        cell(span(booking.start, booking.end), 'day-time'),
        cell(booking.counterName || ''),
        cell((booking.services || []).map((service) => service.name).join(', ')),
        cell(String(booking.persons)),
        cell(booking.reference, 'day-reference'),
        cell((booking.contact && booking.contact.name) || ''),
        cell(checkedIn(booking), 'day-checked-in'),
      );
      return row;
    }));
    $('day-table').hidden = bookings.length === 0;
  }

  async function load() {
    const office = $('day-office').value;
    const date = $('day-date').value;
    if (!office || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    history.replaceState(null, '', `/staff/bookings?office=${encodeURIComponent(office)}&date=${date}`);
    $('day-summary').textContent = 'Wird geladen …';
    try {
      const answer = await R.api('GET', `/v1/offices/${encodeURIComponent(office)}/bookings?date=${date}`);
      render(office, date, (answer && answer.bookings) || []);
      R.clearMessage();
    } catch (problem) {
      $('day-summary').textContent = 'Die Liste konnte nicht geladen werden.';
      $('day-table').hidden = true;
      R.showProblem(problem);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  for (const id of ['day-office', 'day-date']) $(id).addEventListener('change', load);
  R.requireSession(load);
})();
