// Rathaus staff helpers (kiosk, counter page, hotline, day list, statistics, administration),
// exposed as window.Rathaus.
//
// Signed-in staff (counter page, hotline console, day list, statistics, administration): the
// browser sends the session's cookie with every API call (credentials: 'same-origin'); a change
// (POST, PUT, DELETE) also carries the session's form token from data-csrf as X-CSRF-Token. When the API answers 401 (the
// session ended), the page goes to the sign-in page, which brings the clerk back here.
//
// Devices (the kiosk): set up once by opening the page with its token in the URL fragment
// (/kiosk/rathaus#token=...). The fragment never reaches the server or its logs; the script
// stores the token in localStorage under data-token-key (per page kind and office; a page may name
// another key to fall back on in data-token-also) and removes it from the address bar. Without a
// stored token, or when the API answers 401/403, the page shows a small form to paste one.
'use strict';

(() => {
  const body = document.body;
  const tokenKey = body.dataset.tokenKey || 'rathaus:token';
  let unauthorizedHandler = null;
  let sessionToken = null;

  // The token stored for this page, else one stored under data-token-also (the day list takes
  // the hotline console's).
  function storedToken() {
    try {
      const also = body.dataset.tokenAlso;
      return localStorage.getItem(tokenKey) || (also ? localStorage.getItem(also) : null);
    } catch (error) {
      return null;
    }
  }

  function storeToken(token) {
    try {
      if (token) localStorage.setItem(tokenKey, token);
      else localStorage.removeItem(tokenKey);
    } catch (error) {
      // Storage refused (private mode): the token lasts for this page view only.
    }
    sessionToken = token || null;
  }

  // Reads #token=... once, stores it, and removes the fragment from the address bar and history.
  function takeTokenFromFragment() {
    const match = /(?:^#|&)token=([^&]*)/.exec(window.location.hash);
    if (!match) return;
    let token = match[1];
    try {
      token = decodeURIComponent(token);
    } catch (error) {
      // A malformed escape: use the text as it is.
    }
    if (token) storeToken(token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }

  // A page served to a signed-in person (it carries data-csrf) calls with the session alone: a
  // token an older token page left in this browser's storage must not act in the person's stead.
  function token() {
    if (body.dataset.csrf) return null;
    return sessionToken || storedToken();
  }

  class Problem extends Error {
    constructor(status, title, detail, type, kind) {
      super(title);
      this.status = status;
      this.title = title;
      this.detail = detail || '';
      this.type = type || '';
      this.kind = kind || '';
    }
  }

  // MARK: Problems in words
  //
  // The API's problem titles and details are English and name ids; staff and the hall see German
  // sentences keyed by the problem's kind (the last segment of its type), with the values a sentence
  // needs taken from the problem's extension members (date, opensAt, closedAt, service, limit …),
  // dates as people write them and services by their names. No English text, id or JSON is shown.

  const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
    'November', 'Dezember'];
  const serviceNames = new Map();

  // Names for service ids: pages that know them (the hotline's service list) add them; elements
  // with data-service and a name (the kiosk's buttons) count too.
  function setServiceNames(entries) {
    for (const [id, name] of entries) serviceNames.set(id, name);
  }

  function serviceName(id) {
    if (!id) return 'diese Dienstleistung';
    if (serviceNames.has(id)) return `„${serviceNames.get(id)}“`;
    const element = document.querySelector(`[data-service-name][data-service="${CSS.escape(id)}"]`);
    return element ? `„${element.dataset.serviceName}“` : 'diese Dienstleistung';
  }

  // "8. Dezember 2026" for "2026-12-08" or an RFC 3339 instant (its date in the office's zone).
  function longDate(value) {
    if (!value) return '';
    let text = String(value);
    if (text.length > 10) {
      const date = new Date(text);
      if (Number.isNaN(date.getTime())) return '';
      try {
        text = date.toLocaleDateString('en-CA', { timeZone: body.dataset.timeZone || undefined });
      } catch (error) {
        text = date.toLocaleDateString('en-CA');
      }
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    return match ? `${Number(match[3])}. ${MONTHS[Number(match[2]) - 1]} ${match[1]}` : '';
  }

  function fieldText(data) {
    const fields = { services: 'Dienstleistung', persons: 'Personen', start: 'Uhrzeit', contact: 'Kontakt',
      'contact.name': 'Name', 'contact.email': 'E-Mail', 'contact.phone': 'Telefon', reference: 'Buchungsnummer',
      query: 'Suche', counter: 'Schalter', date: 'Datum', hold: 'Reservierung' };
    const names = ((data && data.errors) || []).map((error) => fields[error.field]).filter(Boolean);
    return names.length ? `Bitte prüfen: ${Array.from(new Set(names)).join(', ')}.` : 'Bitte prüfen Sie die Eingaben.';
  }

  const WORDS = {
    validation: (p) => ['Eingabe unvollständig oder ungültig', fieldText(p)],
    unauthorized: () => (body.dataset.csrf
      ? ['Nicht mehr angemeldet', 'Bitte melden Sie sich neu an.']
      : ['Zugang fehlt oder ist ungültig', 'Bitte den Zugangsschlüssel dieses Geräts neu einrichten.']),
    forbidden: () => ['Nicht erlaubt', 'Dieser Zugang darf das nicht, oder er gilt für einen anderen Standort.'],
    'not-found': () => ['Nicht gefunden', 'Das gibt es nicht (mehr). Bitte prüfen Sie die Eingabe.'],
    'method-not-allowed': () => ['Nicht möglich', 'Diese Aktion gibt es hier nicht. Bitte die Seite neu laden.'],
    'precondition-failed': () => ['Der Termin wurde inzwischen geändert',
      'Bitte den Termin neu laden und es dann noch einmal versuchen.'],
    'idempotency-in-flight': () => ['Wird noch bearbeitet', 'Bitte einen Moment warten; die erste Anfrage läuft noch.'],
    'idempotency-key-reused': () => ['Anfrage doppelt', 'Bitte noch einmal versuchen.'],
    'rate-limited': () => ['Zu viele Anfragen', 'Bitte einen Moment warten und es dann noch einmal versuchen.'],
    overloaded: () => ['Gerade sehr viel los', 'Bitte in ein paar Sekunden noch einmal versuchen.'],
    internal: () => ['Fehler im System', 'Es wurde nichts geändert. Bitte noch einmal versuchen, sonst die IT verständigen.'],
    'slot-unavailable': () => ['Diese Zeit ist schon vergeben', 'Bitte eine andere Zeit wählen.'],
    'hold-expired': () => ['Reservierung abgelaufen', 'Bitte die Zeit neu wählen.'],
    'hold-extension-limit': () => ['Nicht mehr verlängerbar',
      'Die Reservierung wurde so oft verlängert wie erlaubt. Jetzt buchen oder danach neu wählen.'],
    'limit-reached': (p) => ['Zu viele Termine für diese Dienstleistung',
      `Mit diesen Kontaktdaten ${p.limit === '1' ? 'ist schon ein Termin' : `sind schon ${p.limit || 'so viele'} Termine`} `
        + `für ${serviceName(p.service)} gebucht. Erst einen davon absagen.`],
    'booking-cancelled': () => ['Der Termin ist abgesagt', 'Ein abgesagter Termin kann nicht mehr geändert oder angemeldet werden.'],
    'booking-started': () => ['Der Termin hat schon begonnen', 'Er kann nicht mehr verschoben oder abgesagt werden.'],
    'unknown-service': () => ['Unbekannte Dienstleistung', 'Bitte aus der Liste wählen.'],
    'service-not-offered': (p) => ['Nicht an diesem Standort', `${serviceName(p.service)} gibt es an diesem Standort nicht.`],
    'services-not-combinable': () => ['Nicht zusammen möglich',
      'Kein Schalter erledigt diese Dienstleistungen zusammen. Bitte einzeln buchen oder je eine Wartemarke ziehen.'],
    'service-not-bookable-online': () => ['Nur über Hotline oder Schalter', 'Diese Dienstleistung ist online nicht buchbar.'],
    'start-not-offered': () => ['Diese Zeit wird nicht angeboten', 'Bitte eine Zeit aus der Liste wählen.'],
    'outside-booking-window': (p) => ['Außerhalb des Buchungszeitraums', p.earliest && p.latest
      ? `Buchbar ist vom ${longDate(p.earliest)}, ${clockTime(p.earliest)} Uhr, bis zum ${longDate(p.latest)}.`
      : 'Die Zeit liegt zu früh oder zu weit in der Zukunft.'],
    'counter-busy': () => ['Der Schalter hat noch eine Wartemarke',
      'Bitte die aktuelle erst abschließen, parken, weiterleiten oder als nicht erschienen markieren.'],
    'invalid-ticket-action': () => ['In diesem Zustand nicht möglich', 'Die Wartemarke hat sich inzwischen geändert. Die Anzeige wird aktualisiert.'],
    'recall-limit': () => ['Oft genug aufgerufen', 'Bitte als nicht erschienen markieren oder parken.'],
    'daily-cap-reached': () => ['Heute keine Wartemarken mehr',
      'Für dieses Anliegen sind die Wartemarken für heute vergeben. Bitte vereinbaren Sie einen Termin.'],
    'wrong-office': () => ['Termin an einem anderen Standort', 'Dieser Termin ist an einem anderen Standort gebucht. Bitte melden Sie sich dort an.'],
    'not-today': (p) => ['Der Termin ist nicht heute', p.date
      ? `Der Termin ist am ${longDate(p.date)}. Bitte kommen Sie an diesem Tag wieder.`
      : 'Nur Termine von heute können angemeldet werden.'],
    'check-in-too-early': (p) => ['Noch zu früh für diesen Termin', p.opensAt
      ? `Die Anmeldung ist ab ${clockTime(p.opensAt)} Uhr möglich. Bitte kommen Sie dann wieder.`
      : 'Die Anmeldung ist erst kurz vor dem Termin möglich.'],
    'check-in-too-late': (p) => ['Zu spät für diesen Termin', (p.closedAt
      ? `Die Anmeldung war bis ${clockTime(p.closedAt)} Uhr möglich. `
      : 'Die Zeit zum Anmelden ist vorbei. ') + 'Bitte ziehen Sie eine Wartemarke.'],
    'already-checked-in': () => ['Schon angemeldet', 'Für diesen Termin gibt es schon eine Wartemarke. Bitte achten Sie auf die Anzeige.'],
    'by-draw': () => ['Termine werden verlost', 'Die Termine dieser Dienstleistung werden unter allen Angemeldeten verlost.'],
    'admission-required': () => ['Nur über den Warteraum', 'Diese Termine werden gerade über den Warteraum vergeben.'],
    'admission-invalid': () => ['Einlass abgelaufen', 'Bitte im Warteraum erneut anstellen.'],
    'waiting-room-not-open': (p) => ['Warteraum noch nicht geöffnet', p.opensAt
      ? `Er öffnet am ${longDate(p.opensAt)} um ${clockTime(p.opensAt)} Uhr.` : 'Er öffnet kurz vor der Freigabe.'],
    'waiting-room-closed': () => ['Warteraum geschlossen', 'Die Termine werden wieder wie gewohnt vergeben.'],
    'registration-closed': () => ['Anmeldung geschlossen', 'Die Termine dieser Verlosung sind schon verlost.'],
    'already-registered': () => ['Schon angemeldet', 'Mit diesen Kontaktdaten ist schon jemand zur Verlosung angemeldet.'],
  };

  // German title and detail for a problem answer (its JSON, or null) with `status`.
  function words(status, data) {
    const kind = data && typeof data.type === 'string' ? data.type.split('/').pop() : '';
    const word = WORDS[kind];
    if (word) {
      const [title, detail] = word(data || {});
      return { kind, title, detail };
    }
    return { kind, title: `Das hat nicht geklappt (Fehler ${status})`, detail: 'Es wurde nichts geändert. Bitte noch einmal versuchen.' };
  }

  // Calls the API with the device's token or the session's cookie and any `extra` header fields
  // (Idempotency-Key, If-Match, X-Rathaus-Background on automatic refreshes). Resolves to the
  // JSON body (null for 204), or rejects with a Problem carrying the German title and detail.
  async function api(method, url, payload, extra) {
    const headers = { ...(extra || {}), Accept: 'application/json, application/problem+json' };
    const current = token();
    if (current) headers.Authorization = `Bearer ${current}`;
    if (body.dataset.csrf && method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = body.dataset.csrf;
    const init = { method, headers, cache: 'no-store', credentials: 'same-origin' };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      throw new Problem(0, 'Keine Verbindung zum Server', 'Bitte versuchen Sie es gleich noch einmal.');
    }
    if (response.status === 204) return null;
    let data = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      try {
        data = await response.json();
      } catch (error) {
        data = null;
      }
    }
    if (!response.ok) {
      const said = words(response.status, data);
      const problem = new Problem(response.status, said.title, said.detail, data && data.type, said.kind);
      problem.data = data || {};
      if ((response.status === 401 || response.status === 403) && unauthorizedHandler) unauthorizedHandler(problem);
      throw problem;
    }
    return data;
  }

  // The message region (role="alert"): a title in bold and a detail. Infos disappear by themselves.
  let messageTimer = null;
  function showMessage(title, detail, kind) {
    const region = document.getElementById('message');
    if (!region) return;
    clearTimeout(messageTimer);
    const strong = document.createElement('strong');
    strong.className = 'message-title';
    strong.textContent = title;
    const text = document.createElement('span');
    text.className = 'message-detail';
    text.textContent = detail || '';
    region.dataset.kind = kind || 'error';
    region.replaceChildren(strong, text);
    messageTimer = setTimeout(clearMessage, kind === 'info' ? 6000 : 15000);
  }

  // Shows a problem; `own` may word some kinds for this page ({kind: [title, detail]}).
  function showProblem(problem, own) {
    const mine = own && problem.kind && own[problem.kind];
    if (mine) showMessage(mine[0], mine[1], 'error');
    else showMessage(problem.title || 'Fehler', problem.detail || '', 'error');
  }

  function clearMessage() {
    const region = document.getElementById('message');
    if (region) region.replaceChildren();
  }

  // Shows the token form until a token is stored; calls ready() once one is.
  function requireToken(ready) {
    const panel = document.getElementById('token-panel');
    const form = document.getElementById('token-form');
    const main = document.getElementById('main');
    const input = document.getElementById('token-input');
    const ask = () => {
      if (!panel) return;
      panel.hidden = false;
      if (main) main.hidden = true;
      if (input) input.focus();
    };
    unauthorizedHandler = (problem) => {
      storeToken(null);
      showProblem(problem);
      ask();
    };
    if (form) {
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const value = input ? input.value.trim() : '';
        if (!value) return;
        storeToken(value);
        if (input) input.value = '';
        panel.hidden = true;
        if (main) main.hidden = false;
        clearMessage();
        ready();
      });
    }
    // A set-up link opened while the page is already open only changes the fragment.
    window.addEventListener('hashchange', () => {
      takeTokenFromFragment();
      if (token() && panel && !panel.hidden) {
        panel.hidden = true;
        if (main) main.hidden = false;
        clearMessage();
        ready();
      }
    });
    takeTokenFromFragment();
    if (token()) ready();
    else ask();
  }

  // For pages of signed-in staff: calls ready() at once; a 401 (the session ended or was ended)
  // goes to the sign-in page, which returns here afterwards.
  function requireSession(ready) {
    unauthorizedHandler = (problem) => {
      if (problem.status !== 401) return;
      const next = window.location.pathname + window.location.search;
      window.location.assign(`/staff/sign-in?next=${encodeURIComponent(next)}`);
    };
    ready();
  }

  function waitText(minutes) {
    if (!(minutes > 0)) return 'keine Wartezeit';
    if (minutes < 60) return `ca. ${minutes} Min.`;
    if (minutes < 120) return `ca. ${Math.min(120, Math.floor((minutes + 2) / 5) * 5)} Min.`;
    return `ca. ${Math.floor((minutes + 30) / 60)} Std.`;
  }

  // "09:41" for an RFC 3339 instant, in the office's zone (data-time-zone) or the device's.
  function clockTime(instant) {
    const date = new Date(instant);
    if (Number.isNaN(date.getTime())) return '';
    const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    try {
      return date.toLocaleTimeString('de-DE', { ...options, timeZone: body.dataset.timeZone || undefined });
    } catch (error) {
      return date.toLocaleTimeString('de-DE', options);
    }
  }

  window.Rathaus = {
    api, token, Problem, showMessage, showProblem, clearMessage, requireToken, requireSession, waitText, clockTime,
    longDate, setServiceNames,
  };
})();