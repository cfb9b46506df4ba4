extension Assets {
    /// The printable ticket's stylesheet: an 80 mm receipt (72 mm printed width), black on white;
    /// on screen the slip is shown enlarged with a button to print again.
    static let ticketCSS = #"""
        /* Rathaus ticket slip for 80 mm receipt printers (thermal, 72 mm printable). Black on white only:
           thermal printers print no grey. On screen the slip is shown enlarged. */
        .ticket-page {
          --ink: #000000;
          --paper: #ffffff;
        }

        .slip {
          width: 80mm;
          padding: 4mm 5mm 6mm;
          background: var(--paper);
          color: var(--ink);
          font-size: 10pt;
          line-height: 1.3;
        }
        .slip-office { font-size: 11pt; font-weight: 700; text-align: center; }
        .slip-heading { margin: 3mm 0 2mm; text-align: center; }
        .slip-label { display: block; font-size: 10pt; font-weight: 400; }
        .slip-number {
          display: block;
          font-size: 22mm;
          font-weight: 800;
          line-height: 1;
          letter-spacing: 0.02em;
          font-variant-numeric: tabular-nums;
        }
        .slip-appointment {
          margin: 0 auto 2mm;
          padding: 1mm 2mm;
          border: 0.5mm solid var(--ink);
          font-size: 13pt;
          font-weight: 700;
          text-align: center;
        }
        .slip-notice { margin-bottom: 2mm; font-weight: 700; }
        .slip-services { margin-bottom: 2mm; font-size: 11pt; font-weight: 700; text-align: center; }
        .slip-facts {
          display: grid;
          gap: 0.5mm;
          padding: 1.5mm 0;
          border-top: 0.3mm solid var(--ink);
          border-bottom: 0.3mm solid var(--ink);
        }
        .slip-facts div { display: flex; justify-content: space-between; gap: 2mm; }
        .slip-facts dd { font-weight: 700; text-align: right; }
        .slip-documents h2 { margin: 3mm 0 1mm; font-size: 10pt; }
        .slip-checklist li { position: relative; padding: 0.8mm 0 0.8mm 5mm; break-inside: avoid; }
        .slip-checklist li::before {
          content: "";
          position: absolute;
          top: 1.4mm;
          left: 0;
          width: 2.6mm;
          height: 2.6mm;
          border: 0.35mm solid var(--ink);
        }
        .slip-document { display: block; font-weight: 700; }
        .slip-condition, .slip-note { display: block; font-size: 8.5pt; }
        .slip-condition { font-style: italic; }
        .slip-footer { margin-top: 3mm; padding-top: 2mm; border-top: 0.3mm dashed var(--ink); font-size: 9pt; text-align: center; }

        .slip-actions { display: grid; justify-items: center; gap: 1rem; padding: 1.5rem; text-align: center; }
        .slip-status { font-size: 1.75rem; font-weight: 700; }
        .slip-countdown { color: var(--muted); }
        .slip-countdown:empty { display: none; }
        .slip-actions .button { width: min(100%, 24rem); min-height: 4rem; font-size: 1.375rem; }

        @media screen {
          .ticket-page { display: flex; flex-direction: column; align-items: center; padding: 2rem 1rem; }
          .slip { zoom: 1.4; border: 1px solid var(--border); box-shadow: 0 0.5rem 1.5rem var(--shadow); }
        }

        /* 80 mm wide; ticket.js replaces the length with the slip's own. */
        @page { size: 80mm 200mm; margin: 0; }
        @media print {
          html, body { background: var(--paper); }
          .ticket-page { display: block; min-height: 0; padding: 0; }
          .slip { width: 80mm; margin: 0; border: 0; box-shadow: none; }
          .slip-actions { display: none; }
        }
        """#
}
