// Rathaus statistics page. Needs common.js (window.Rathaus) loaded before it; the office manager
// is signed in, and the requests carry the session's cookie. On submit it loads
// GET /staff/statistics/{office}/report?from&to&target and moves the parsed HTML (charts as SVG
// with their tables) into #report; the two buttons fetch
// GET /v1/offices/{office}/statistics.csv?...[&format=excel] and save the file.
'use strict';

(() => {
  const R = window.Rathaus;
  const $ = (id) => document.getElementById(id);

  function query() {
    const params = new URLSearchParams();
    params.set('from', $('statistics-from').value);
    params.set('to', $('statistics-to').value);
    params.set('target', $('statistics-target').value);
    return params;
  }

  function office() {
    return encodeURIComponent($('statistics-office').value);
  }

  async function authorizedFetch(url, accept) {
    const headers = { Accept: accept };
    const token = R.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    // A signed-out session's report is a redirect to the sign-in page, which is not followed here
    // (redirect: 'manual'): asking the API then lets common.js's handler take the whole page there.
    const response = await fetch(url, { headers, cache: 'no-store', credentials: 'same-origin', redirect: 'manual' });
    if (response.type === 'opaqueredirect' || !response.ok) {
      // The API's own error handling (problem+json; on 401 the way to the sign-in page).
      const asked = response.type === 'opaqueredirect' ? `/v1/offices/${office()}/statistics?${query()}` : url;
      await R.api('GET', asked);
      throw new R.Problem(response.status || 401, `Fehler ${response.status || 401}`);
    }
    return response;
  }

  async function load() {
    const report = $('report');
    report.setAttribute('aria-busy', 'true');
    try {
      const response = await authorizedFetch(`/staff/statistics/${office()}/report?${query()}`, 'text/html');
      // The server's report, parsed as a document and moved in: no markup written from script.
      const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
      report.replaceChildren(...Array.from(parsed.body.childNodes));
      R.clearMessage();
      const heading = $('report-heading');
      if (heading) heading.focus();
    } catch (problem) {
      R.showProblem(problem);
    } finally {
      report.setAttribute('aria-busy', 'false');
    }
  }

  async function download(excel) {
    const params = query();
    if (excel) params.set('format', 'excel');
    try {
      const response = await authorizedFetch(`/v1/offices/${office()}/statistics.csv?${params}`, 'text/csv');
      const blob = await response.blob();
      const disposition = response.headers.get('Content-Disposition') || '';
      const match = /filename="([^"]+)"/.exec(disposition);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = match ? match[1] : 'statistik.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (problem) {
      R.showProblem(problem);
    }
  }

  $('statistics-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  $('download-excel').addEventListener('click', () => download(true));
  $('download-csv').addEventListener('click', () => download(false));
  R.requireSession(load);
})();
