// Rathaus administration: the console (/staff/administration) and the history
// (/staff/administration/history). Needs common.js (window.Rathaus) loaded before it. The office
// manager or administrator is signed in: every request carries the session's cookie, and a change
// (POST, PUT) its form token from data-csrf as X-CSRF-Token; when the session has ended, the page
// goes to the sign-in page, which brings them back here. The offices to choose from are those the
// staff member manages.
// - The configuration document is read with GET {data-configuration-url} (its version is the
//   ETag). Every field of the editor names its path in the document (data-path, with data-kind
//   saying how to write it); a change of a field writes it into the copy being edited. Adding or
//   removing a row changes the copy and has the server render the editor again
//   (POST {data-fragments-url}/{office}/editor {document}).
// - "Änderungen prüfen" and "Tag schließen" send the copy (or the saved document with one more
//   closure) to POST {data-fragments-url}/{office}/preview {document, weekFrom, decision}: the
//   answer is the preview (changes, week, affected bookings with a choice each, the save button)
//   or the problems, which are also put beside their fields (the path of each).
// - Saving is PUT {data-configuration-url} {document, decisions} with If-Match of the version
//   read; the answer lists the bookings cancelled, and those without an e-mail address are shown
//   with their phone numbers for the hotline.
// - The week: GET {data-fragments-url}/{office}/week?from=DATE; the bookings kept and flagged
//   for staff: GET {data-fragments-url}/{office}/flagged.
// - History: the entries come from {data-entries-url}; a version's document is read with
//   GET /v1/configuration/history/{n} and shown or downloaded; the export is the versions and the
//   audit log (GET /v1/configuration/history, GET /v1/audit-log: the whole town's, or for an office
//   manager that of each office in data-log-offices) in one JSON file.
'use strict';

(() => {
  const R = window.Rathaus;
  const body = document.body;
  const $ = (id) => document.getElementById(id);

  // Fetches an HTML fragment with the session; resolves to its nodes, parsed and ready to move in.
  // Without a session the server answers with the way to the sign-in page, which is not followed
  // here (redirect: 'manual'): the session's handler of common.js goes there with the whole page.
  async function fragment(method, url, payload) {
    const headers = { Accept: 'text/html' };
    if (method !== 'GET' && body.dataset.csrf) headers['X-CSRF-Token'] = body.dataset.csrf;
    const init = { method, headers, cache: 'no-store', credentials: 'same-origin', redirect: 'manual' };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      throw new R.Problem(0, 'Keine Verbindung zum Server', 'Bitte versuchen Sie es gleich noch einmal.');
    }
    if (response.type === 'opaqueredirect' || response.status === 401) {
      // Signed out: the API answers 401, and common.js's handler goes to the sign-in page.
      await R.api('GET', '/v1/configuration').catch(() => {});
      throw problemFor(401, '');
    }
    if (!response.ok) throw problemFor(response.status, '');
    const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
    return Array.from(parsed.body.childNodes);
  }

  // A problem in the console's words.
  function problemFor(status, detail) {
    switch (status) {
      case 0: return new R.Problem(0, 'Keine Verbindung zum Server', 'Bitte versuchen Sie es gleich noch einmal.');
      case 401: return new R.Problem(status, 'Nicht mehr angemeldet', 'Bitte melden Sie sich neu an.');
      case 403: return new R.Problem(status, 'Nicht erlaubt', 'Sie ändern nur die Standorte, die Sie leiten. '
        + 'Dienstleistungen und Einstellungen für die ganze Stadt ändert die Administration.');
      case 409: return new R.Problem(status, 'Hier nicht änderbar', 'Dieser Server wurde ohne Konfigurationsdatei gestartet; Änderungen gehen nur über die Datei.');
      case 412: return new R.Problem(status, 'Inzwischen geändert', 'Jemand hat die Einstellungen inzwischen geändert. Die Seite lädt sie neu; bitte wiederholen Sie Ihre Änderung.');
      default: return new R.Problem(status, 'Nicht gespeichert', detail || `Der Server antwortete mit Fehler ${status}; es wurde nichts geändert.`);
    }
  }

  function download(name, text) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  function announce(text) {
    const live = $('live');
    if (!live) return;
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 100);
  }

  // MARK: Paths in the document

  // "offices[0].counters[2].hours" -> ['offices', 0, 'counters', 2, 'hours']
  function steps(path) {
    const result = [];
    path.replace(/([^.[\]]+)|\[(\d+)\]/g, (match, key, index) => {
      result.push(index !== undefined ? Number(index) : key);
      return match;
    });
    return result;
  }

  function valueAt(root, path) {
    let node = root;
    for (const step of steps(path)) {
      if (node === undefined || node === null) return undefined;
      node = node[step];
    }
    return node;
  }

  function isEmptyObject(value) {
    return value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
  }

  // Sets (or, for undefined, removes) the member at `path`, making objects on the way and
  // removing those a removal leaves empty.
  function setAt(root, path, value) {
    const parts = steps(path);
    const chain = [root];
    let node = root;
    for (let index = 0; index < parts.length - 1; index += 1) {
      const step = parts[index];
      if (node[step] === undefined || node[step] === null) {
        if (value === undefined) return;
        node[step] = typeof parts[index + 1] === 'number' ? [] : {};
      }
      node = node[step];
      chain.push(node);
    }
    const last = parts[parts.length - 1];
    if (value === undefined) {
      delete node[last];
      for (let index = chain.length - 1; index > 0; index -= 1) {
        if (!isEmptyObject(chain[index])) break;
        delete chain[index - 1][parts[index - 1]];
      }
    } else {
      node[last] = value;
    }
  }

  // The id of the element of the field or row at `path`, as the server makes it.
  function fieldID(path) {
    return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`.replace(/-$/, '');
  }

  // The path one step up: "a.b[2].c" -> "a.b[2]" -> "a.b" -> "a".
  function parentPath(path) {
    const match = /(\.[^.[\]]+|\[\d+\])$/.exec(path);
    return match ? path.slice(0, -match[0].length) : '';
  }

  const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

  function weekdayOf(iso) {
    const [year, month, day] = iso.split('-').map(Number);
    return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  }

  function mondayOf(iso) {
    const [year, month, day] = iso.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    return date.toISOString().slice(0, 10);
  }

  // Writes what a field holds into `draft`, the document being edited.
  function write(draft, input, editor) {
    const path = input.dataset.path;
    const optional = input.dataset.optional === 'true';
    const text = (input.value || '').trim();
    switch (input.dataset.kind) {
      case 'set': {
        const chosen = Array.from(editor.querySelectorAll('input[data-kind="set"]'))
          .filter((box) => box.dataset.path === path && box.checked).map((box) => box.value);
        setAt(draft, path, chosen.length === 0 && optional ? undefined : chosen);
        break;
      }
      case 'toggle':
        setAt(draft, path, input.checked);
        break;
      case 'number':
        setAt(draft, path, text === '' ? undefined : (/^-?\d+$/.test(text) ? Number(text) : text));
        break;
      case 'euro': {
        const match = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(text);
        const cents = match ? Number(match[1]) * 100 + Number((match[2] || '0').padEnd(2, '0')) : text;
        setAt(draft, path, text === '' ? undefined : cents);
        break;
      }
      case 'every-weeks':
        setAt(draft, path, text === '1' || text === '' ? undefined : Number(text));
        break;
      case 'one-day':
        if (!text) break;
        setAt(draft, `${path}.validFrom`, text);
        setAt(draft, `${path}.validUntil`, text);
        setAt(draft, `${path}.days`, [weekdayOf(text)]);
        break;
      default:
        setAt(draft, path, text === '' && optional ? undefined : (input.dataset.kind === 'text' ? input.value : text));
    }
  }

  // MARK: Console

  function startConsole() {
    const editor = $('editor');
    const fragments = body.dataset.fragmentsUrl;
    const configurationURL = body.dataset.configurationUrl;
    let saved = null; // the document as stored, and its version
    let version = 0;
    let edited = null; // the copy being edited
    let pending = null; // {document, kind} of the preview shown
    let dirty = false;
    let started = false;

    const office = () => $('office').value;
    const clone = (value) => JSON.parse(JSON.stringify(value));

    function setDirty(value) {
      dirty = value;
      $('version-note').textContent = `Stand: Version ${version}${dirty ? ' – ungespeicherte Änderungen' : ''}`;
    }

    async function loadConfiguration() {
      const answer = await R.api('GET', configurationURL);
      saved = answer.document;
      version = answer.version;
      edited = clone(saved);
      setDirty(false);
    }

    async function renderEditor(focusPath) {
      const open = Array.from(editor.querySelectorAll('details[open]')).map((item) => item.dataset.path);
      editor.setAttribute('aria-busy', 'true');
      const nodes = await fragment('POST', `${fragments}/${encodeURIComponent(office())}/editor`, { document: edited });
      editor.replaceChildren(...nodes);
      editor.setAttribute('aria-busy', 'false');
      for (const item of editor.querySelectorAll('details')) {
        if (open.includes(item.dataset.path)) item.open = true;
      }
      if (focusPath) focusField(focusPath);
    }

    // Moves the focus to the field or row at `path` (or the nearest one above it), unfolding it.
    function focusField(path) {
      let candidate = path;
      while (candidate) {
        const target = $(fieldID(candidate));
        if (target) {
          for (let node = target; node; node = node.parentElement) {
            if (node.tagName === 'DETAILS') node.open = true;
          }
          const focusable = target.matches('input, select, textarea')
            ? target : target.querySelector('input, select, textarea, summary');
          (focusable || target).focus();
          return true;
        }
        candidate = parentPath(candidate);
      }
      return false;
    }

    async function loadWeek(from) {
      const week = $('week');
      const start = from || $('week-from').value;
      $('week-from').value = start;
      week.setAttribute('aria-busy', 'true');
      const url = `${fragments}/${encodeURIComponent(office())}/week?from=${encodeURIComponent(start)}`;
      week.replaceChildren(...await fragment('GET', url));
      week.setAttribute('aria-busy', 'false');
    }

    async function loadFlagged() {
      const flagged = $('flagged');
      flagged.setAttribute('aria-busy', 'true');
      flagged.replaceChildren(...await fragment('GET', `${fragments}/${encodeURIComponent(office())}/flagged`));
      flagged.setAttribute('aria-busy', 'false');
    }

    function clearErrors() {
      for (const error of document.querySelectorAll('.field-error')) {
        error.textContent = '';
        error.hidden = true;
      }
      for (const input of document.querySelectorAll('[aria-invalid="true"]')) input.removeAttribute('aria-invalid');
    }

    // Puts each problem of the preview beside its field (or the nearest row above it).
    function placeErrors(preview) {
      for (const item of preview.querySelectorAll('li[data-path]')) {
        const text = item.querySelector('.problem-text').textContent;
        if (pending && pending.kind === 'close-day') {
          const error = $('close-day-date-error');
          error.textContent = text;
          error.hidden = false;
          $('close-day-date').setAttribute('aria-invalid', 'true');
          continue;
        }
        let candidate = item.dataset.path;
        while (candidate) {
          const error = $(`${fieldID(candidate)}-error`);
          if (error) {
            error.textContent = error.textContent ? `${error.textContent} ${text}` : text;
            error.hidden = false;
            const field = $(fieldID(candidate));
            if (field && field.matches('input, select')) field.setAttribute('aria-invalid', 'true');
            for (const input of editor.querySelectorAll('[data-path]')) {
              if (input.dataset.path === candidate) input.setAttribute('aria-invalid', 'true');
            }
            break;
          }
          candidate = parentPath(candidate);
        }
      }
    }

    async function showPreview(draft, kind, decision, weekFrom) {
      const panel = $('preview-panel');
      const preview = $('preview');
      clearErrors();
      $('result-panel').hidden = true;
      pending = { document: draft, kind };
      preview.setAttribute('aria-busy', 'true');
      try {
        const nodes = await fragment('POST', `${fragments}/${encodeURIComponent(office())}/preview`, {
          document: draft, decision, weekFrom: weekFrom || $('week-from').value,
        });
        preview.replaceChildren(...nodes);
      } catch (problem) {
        pending = null;
        R.showProblem(problem);
        return;
      } finally {
        preview.setAttribute('aria-busy', 'false');
      }
      panel.hidden = false;
      const root = preview.firstElementChild;
      if (root && root.dataset.outcome === 'invalid') {
        placeErrors(preview);
        const heading = $('preview-problems-heading');
        if (heading) heading.focus();
        announce('Die Änderung hat Fehler; nichts wurde gespeichert.');
      } else {
        const heading = $('preview-changes-heading');
        if (heading) heading.focus();
      }
    }

    function hidePreview() {
      $('preview-panel').hidden = true;
      $('preview').replaceChildren();
      pending = null;
    }

    function decisions() {
      const chosen = {};
      for (const input of $('preview').querySelectorAll('input[type="radio"][data-booking]:checked')) {
        chosen[input.dataset.booking] = input.value;
      }
      return chosen;
    }

    function when(instant) {
      const date = new Date(instant);
      const zone = body.dataset.timeZone || undefined;
      let day;
      try {
        day = date.toLocaleDateString('de-DE', { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: zone });
      } catch (error) {
        day = date.toLocaleDateString('de-DE');
      }
      return `${day}, ${R.clockTime(instant)} Uhr`;
    }

    function cell(tag, text) {
      const node = document.createElement(tag);
      node.textContent = text;
      return node;
    }

    // What saving did: the counts, and whom the hotline calls.
    function showResult(answer) {
      let kept = 0;
      let moved = 0;
      const cancelled = [];
      for (const result of answer.offices || []) {
        kept += (result.kept || []).length;
        moved += (result.moved || []).length;
        cancelled.push(...(result.cancelled || []));
      }
      const byMail = cancelled.filter((item) => item.notice === 'email');
      const toCall = cancelled.filter((item) => item.notice !== 'email');
      const count = (number, one, many) => `${number} ${number === 1 ? one : many}`;
      const parts = [
        `${count(cancelled.length, 'Termin', 'Termine')} abgesagt`
          + (cancelled.length === 0 ? '' : ` (${byMail.length} mit E-Mail-Adresse: Absage per E-Mail; ${toCall.length} ohne: siehe Anrufliste)`),
        `${moved} verschoben`, `${kept} behalten und für das Personal markiert`,
      ];
      $('result-summary').textContent = `Gespeichert als Version ${answer.version}. ${parts.join(', ')}.`;
      const notices = $('result-notices');
      notices.replaceChildren();
      if (toCall.length > 0) {
        const heading = cell('h3', 'Anrufliste für die Hotline: Absagen ohne E-Mail-Adresse');
        heading.id = 'call-list-heading';
        const frame = document.createElement('div');
        frame.className = 'table-frame';
        frame.setAttribute('role', 'region');
        frame.setAttribute('aria-labelledby', 'call-list-heading');
        frame.tabIndex = 0;
        const table = document.createElement('table');
        table.className = 'data-table call-list';
        table.id = 'call-list';
        const head = document.createElement('thead');
        const headRow = document.createElement('tr');
        for (const title of ['Buchung', 'Termin war', 'Name', 'Telefon']) {
          const th = cell('th', title);
          th.scope = 'col';
          headRow.appendChild(th);
        }
        head.appendChild(headRow);
        const rows = document.createElement('tbody');
        for (const item of toCall) {
          const row = document.createElement('tr');
          const reference = cell('th', item.reference);
          reference.scope = 'row';
          row.append(reference, cell('td', when(item.start)), cell('td', (item.contact && item.contact.name) || ''),
            cell('td', (item.contact && item.contact.phone) || 'keine Telefonnummer'));
          rows.appendChild(row);
        }
        table.append(head, rows);
        frame.appendChild(table);
        const print = cell('button', 'Anrufliste drucken');
        print.type = 'button';
        print.className = 'button button-small';
        print.addEventListener('click', () => window.print());
        notices.append(heading, frame, print);
      }
      const panel = $('result-panel');
      panel.hidden = false;
      panel.focus();
    }

    async function save() {
      if (!pending) return;
      const button = $('save-change');
      if (button) button.disabled = true;
      try {
        const answer = await R.api('PUT', configurationURL, { document: pending.document, decisions: decisions() }, {
          'If-Match': `"${version}"`,
        });
        const keepEdits = pending.kind === 'close-day' && dirty;
        hidePreview();
        await loadConfiguration();
        if (keepEdits) R.showMessage('Hinweis', 'Ihre anderen, noch nicht gespeicherten Änderungen wurden verworfen.', 'info');
        await Promise.all([renderEditor(), loadWeek(), loadFlagged()]);
        showResult(answer);
        announce(`Gespeichert als Version ${answer.version}.`);
      } catch (problem) {
        if (button) button.disabled = false;
        R.showProblem(problem.status === 400 ? problemFor(400, problem.detail) : problemFor(problem.status, problem.detail));
        if (problem.status === 412) {
          hidePreview();
          await loadConfiguration();
          await Promise.all([renderEditor(), loadWeek(), loadFlagged()]);
        }
      }
    }

    editor.addEventListener('change', (event) => {
      const input = event.target;
      if (!input.dataset || !input.dataset.path || !edited) return;
      write(edited, input, editor);
      input.removeAttribute('aria-invalid');
      setDirty(true);
    });

    editor.addEventListener('click', async (event) => {
      const add = event.target.closest('[data-add]');
      const remove = event.target.closest('[data-remove]');
      if (!add && !remove) return;
      try {
        if (add) {
          const path = add.dataset.add;
          let list = valueAt(edited, path);
          if (!Array.isArray(list)) {
            setAt(edited, path, []);
            list = valueAt(edited, path);
          }
          list.push(JSON.parse(add.dataset.item));
          setDirty(true);
          await renderEditor(`${path}[${list.length - 1}]`);
          announce('Zeile hinzugefügt.');
        } else {
          const path = remove.dataset.remove;
          const match = /\[(\d+)\]$/.exec(path);
          const listPath = path.slice(0, -match[0].length);
          valueAt(edited, listPath).splice(Number(match[1]), 1);
          setDirty(true);
          await renderEditor();
          const list = editor.querySelector(`[data-list-path="${CSS.escape(listPath)}"]`);
          const next = list && list.querySelector('.add-row, h4, h5, h6');
          if (next) {
            if (!next.matches('button')) next.tabIndex = -1;
            next.focus();
          }
          announce('Zeile entfernt.');
        }
      } catch (problem) {
        R.showProblem(problem);
      }
    });

    $('preview').addEventListener('change', (event) => {
      const input = event.target;
      if (input.name !== 'decision-all') return;
      for (const row of $('preview').querySelectorAll('tr[data-booking]')) {
        const choice = row.querySelector(`input[value="${input.value}"]`) || row.querySelector('input[value="keep"]');
        if (choice) choice.checked = true;
      }
    });

    $('preview').addEventListener('click', (event) => {
      if (event.target.closest('[data-action="save"]')) {
        save();
        return;
      }
      const link = event.target.closest('.problem-list a');
      if (!link) return;
      const item = link.closest('li[data-path]');
      if (pending && pending.kind === 'close-day') {
        event.preventDefault();
        $('close-day-date').focus();
      } else if (item && focusField(item.dataset.path)) {
        event.preventDefault();
      }
    });

    $('preview-back').addEventListener('click', () => {
      const kind = pending && pending.kind;
      hidePreview();
      (kind === 'close-day' ? $('close-day-button') : $('check-change')).focus();
    });

    $('check-change').addEventListener('click', () => {
      if (edited) showPreview(clone(edited), 'edit', 'keep');
    });

    $('discard-change').addEventListener('click', async () => {
      edited = clone(saved);
      setDirty(false);
      hidePreview();
      clearErrors();
      await renderEditor().catch(R.showProblem);
      announce('Änderungen verworfen.');
    });

    $('close-day-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const date = $('close-day-date').value;
      const reason = $('close-day-reason').value.trim() || 'geschlossen';
      if (!saved || !date) return;
      const draft = clone(saved);
      const target = draft.offices.find((item) => item.id === office());
      if (!target) return;
      target.closures = (target.closures || []).concat([{ date, reason }]);
      showPreview(draft, 'close-day', 'cancel', mondayOf(date));
    });

    $('office').addEventListener('change', async () => {
      hidePreview();
      $('result-panel').hidden = true;
      try {
        await Promise.all([renderEditor(), loadWeek(), loadFlagged()]);
      } catch (problem) {
        R.showProblem(problem);
      }
    });

    const weekBy = (days) => {
      const [year, month, day] = $('week-from').value.split('-').map(Number);
      const date = new Date(Date.UTC(year, month - 1, day + days));
      loadWeek(date.toISOString().slice(0, 10)).catch(R.showProblem);
    };
    $('week-previous').addEventListener('click', () => weekBy(-7));
    $('week-next').addEventListener('click', () => weekBy(7));
    $('week-from').addEventListener('change', () => {
      if ($('week-from').value) loadWeek().catch(R.showProblem);
    });

    window.addEventListener('beforeunload', (event) => {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = '';
    });

    R.requireSession(async () => {
      if (started) return;
      try {
        await loadConfiguration();
        await Promise.all([renderEditor(), loadWeek(), loadFlagged()]);
        started = true;
      } catch (problem) {
        R.showProblem(problem.status ? problemFor(problem.status, problem.detail) : problem);
      }
    });
  }

  // MARK: History

  function startHistory() {
    const history = $('history');

    async function load() {
      history.setAttribute('aria-busy', 'true');
      try {
        history.replaceChildren(...await fragment('GET', body.dataset.entriesUrl));
      } catch (problem) {
        R.showProblem(problem);
      } finally {
        history.setAttribute('aria-busy', 'false');
      }
    }

    async function version(number) {
      return R.api('GET', `/v1/configuration/history/${encodeURIComponent(number)}`);
    }

    history.addEventListener('click', async (event) => {
      const show = event.target.closest('[data-show-version]');
      const save = event.target.closest('[data-download-version]');
      try {
        if (show) {
          const answer = await version(show.dataset.showVersion);
          $('document-heading').textContent = `Dokument von Version ${answer.version}`;
          $('document-text').textContent = JSON.stringify(answer.document, null, 2);
          const panel = $('document-panel');
          panel.hidden = false;
          panel.focus();
        } else if (save) {
          const answer = await version(save.dataset.downloadVersion);
          download(`konfiguration-version-${answer.version}.json`, `${JSON.stringify(answer.document, null, 2)}\n`);
        }
      } catch (problem) {
        R.showProblem(problem);
      }
    });

    $('export-history').addEventListener('click', async () => {
      try {
        const versions = await R.api('GET', '/v1/configuration/history?limit=200');
        const offices = (body.dataset.logOffices || '').split(' ').filter(Boolean);
        const queries = offices.length === 0 ? ['/v1/audit-log?limit=500']
          : offices.map((office) => `/v1/audit-log?limit=500&office=${encodeURIComponent(office)}`);
        const logs = await Promise.all(queries.map((query) => R.api('GET', query)));
        const auditLog = logs.flatMap((log) => log.entries).sort((a, b) => b.id - a.id);
        const exported = { exportedAt: new Date().toISOString(), versions: versions.versions, auditLog };
        download(`verlauf-${exported.exportedAt.slice(0, 10)}.json`, `${JSON.stringify(exported, null, 2)}\n`);
      } catch (problem) {
        R.showProblem(problem);
      }
    });

    R.requireSession(load);
  }

  // The console before staff sign-in kept an admin token in this browser: it is not used any
  // more, so it is not left lying there.
  try {
    localStorage.removeItem('rathaus:administration');
  } catch (error) {
    // Storage refused (private mode): nothing was kept.
  }

  if (body.classList.contains('history-page')) startHistory();
  else startConsole();
})();
