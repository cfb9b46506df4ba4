// Rathaus ticket slip: prints itself once loaded (a kiosk browser started with --kiosk-printing
// prints without a dialog) and, when opened from the kiosk (/kiosk/{office}/tickets/{id}), goes
// back to the kiosk after data-return-seconds (20 s).
'use strict';

(() => {
  const seconds = Number(document.body.dataset.returnSeconds) || 20;
  const match = /^(\/kiosk\/[^/]+)\/tickets\/[^/]+\/?$/.exec(window.location.pathname);
  const back = match ? match[1] : null;
  const status = document.getElementById('slip-status');
  const countdown = document.getElementById('slip-countdown');
  const done = document.getElementById('slip-done');
  const again = document.getElementById('slip-print');

  if (again) again.addEventListener('click', () => window.print());
  if (back && done) {
    done.href = back;
    done.hidden = false;
  }

  // Size the printed page to the slip, so a receipt printer feeds exactly the ticket's length.
  // CSS cannot say "as long as the content" (`size: 80mm auto` is not valid), so the script
  // measures the slip and adds an @page rule in a constructed stylesheet, which a
  // Content-Security-Policy without 'unsafe-inline' allows. ticket.css has a fixed fallback.
  function fitPage() {
    const slip = document.querySelector('.slip');
    if (!slip || !('adoptedStyleSheets' in document) || typeof CSSStyleSheet !== 'function') return;
    const zoom = parseFloat(getComputedStyle(slip).zoom) || 1;
    const millimetres = Math.ceil(slip.getBoundingClientRect().height / zoom / (96 / 25.4)) + 4;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`@page { size: 80mm ${millimetres}mm; margin: 0; }`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch (error) {
      // Keep the fallback page size.
    }
  }

  function afterPrint() {
    if (status) status.textContent = 'Bitte nehmen Sie Ihre Wartemarke.';
    if (!back) return;
    let left = seconds;
    const update = () => {
      if (countdown) countdown.textContent = `Zurück zum Start in ${left} s`;
    };
    update();
    const timer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        clearInterval(timer);
        window.location.replace(back);
      } else {
        update();
      }
    }, 1000);
  }

  window.addEventListener('load', () => {
    fitPage();
    setTimeout(() => {
      window.print();
      afterPrint();
    }, 250);
  });
})();