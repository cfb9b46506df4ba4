extension Assets {
    /// The printable ticket's script: prints on load and returns to the kiosk.
    static let ticketJS = #"""
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
            setTimeout(() => {
              window.print();
              afterPrint();
            }, 250);
          });
        })();
        """#
}
