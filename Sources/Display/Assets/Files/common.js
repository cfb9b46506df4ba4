// Rathaus staff helpers (kiosk, counter page, hotline console), exposed as window.Rathaus.
//
// Signed-in staff (counter page, hotline console): the browser sends the session's cookie with
// every API call (credentials: 'same-origin'); a change (POST, DELETE) also carries the session's
// form token from data-csrf as X-CSRF-Token. When the API answers 401 (the session ended), the
// page goes to the sign-in page, which brings the clerk back here.
//
// Devices (the kiosk): set up once by opening the page with its token in the URL fragment
// (/kiosk/rathaus#token=...). The fragment never reaches the server or its logs; the script
// stores the token in localStorage under data-token-key (per page kind and office) and removes it
// from the address bar. Without a stored token, or when the API answers 401/403, the page shows a
// small form to paste one.
'use strict';

(() => {
  const body = document.body;
  const tokenKey = body.dataset.tokenKey || 'rathaus:token';
  let unauthorizedHandler = null;
  let sessionToken = null;

  function storedToken() {
    try {
      return localStorage.getItem(tokenKey);
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

  function token() {
    return sessionToken || storedToken();
  }

  class Problem extends Error {
    constructor(status, title, detail, type) {
      super(title);
      this.status = status;
      this.title = title;
      this.detail = detail || '';
      this.type = type || '';
    }
  }

  // Calls the API with the device's token or the session's cookie and any `extra` header fields
  // (Idempotency-Key, If-Match, X-Rathaus-Background on automatic refreshes). Resolves to the
  // JSON body (null for 204), or rejects with a Problem carrying the RFC 9457 title and detail.
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
      const problem = new Problem(
        response.status,
        (data && data.title) || `Fehler ${response.status}`,
        (data && data.detail) || '',
        data && data.type,
      );
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

  function showProblem(problem) {
    showMessage(problem.title || 'Fehler', problem.detail || '', 'error');
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
    api, Problem, showMessage, showProblem, clearMessage, requireToken, requireSession, waitText, clockTime,
  };
})();