extension Assets {
    /// The hotline console's stylesheet: search, hold and booking, and look-up side by side on a
    /// desktop screen, stacked on narrow windows; the reference large for reading out.
    static let hotlineCSS = #"""
        /* Rathaus hotline console: a clerk's desktop screen, 1280px and wider, stacking below 70rem.
           Colours come from base.css. Denser than the citizen pages: a clerk works at it all day. */
        body.hotline-page { font-size: 1rem; }
        .hotline-page .text-input, .hotline-page .select { min-height: 2.5rem; padding: 0.375rem 0.625rem; }
        .hotline-channel {
          padding: 0.25rem 0.75rem;
          border: 2px solid var(--on-primary);
          border-radius: 999px;
          font-weight: 700;
        }
        .hotline-main {
          display: grid;
          grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr);
          gap: 1.25rem;
          max-width: 110rem;
          margin: 0 auto;
          padding: 1.25rem;
          align-items: start;
        }
        @media (max-width: 70rem) { .hotline-main { grid-template-columns: minmax(0, 1fr); } }
        .shortcuts-panel { grid-column: 1 / -1; }
        .panel {
          padding: 1rem 1.25rem;
          border: 1px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
        }
        .panel-heading { margin-bottom: 0.75rem; font-size: 1.25rem; }
        .panel-heading kbd { margin-left: 0.25rem; font-size: 0.75em; vertical-align: middle; }
        .subheading { margin: 1.25rem 0 0.5rem; font-size: 1.0625rem; }
        .empty { color: var(--muted); }
        .field-label { margin-top: 0.75rem; }
        .search-form .button-primary, .book-form .button-primary { width: 100%; margin-top: 1rem; }
        .search-row { display: grid; grid-template-columns: 7rem minmax(0, 1fr); gap: 0 0.75rem; }

        .result-list { display: grid; gap: 0.5rem; }
        .result { display: flex; gap: 0.5rem; align-items: stretch; }
        .result-take {
          display: grid;
          flex: 1 1 auto;
          grid-template-columns: auto minmax(0, 1fr);
          justify-content: start;
          gap: 0 0.625rem;
          padding: 0.375rem 0.75rem;
          text-align: left;
        }
        .result-take kbd { grid-row: span 2; align-self: center; font-size: 1rem; }
        .result-when { font-variant-numeric: tabular-nums; }
        .result-where { color: var(--text); font-weight: 400; }
        .result .button-small { flex: none; min-width: 0; padding: 0.25rem 0.5rem; font-size: 0.875rem; }
        .time-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(5rem, 1fr)); gap: 0.5rem; margin-top: 0.75rem; }
        .time-grid .button { width: 100%; font-variant-numeric: tabular-nums; }

        .hold-card {
          padding: 1rem;
          border: 3px solid var(--primary);
          border-radius: var(--radius);
          background: var(--primary-soft);
        }
        .hold-card[data-state="warning"], .hold-card[data-state="expired"] { border-color: var(--danger); background: var(--danger-soft); }
        .hold-when { font-size: 1.25rem; font-weight: 800; }
        .hold-where, .hold-services { margin-top: 0.25rem; }
        .hold-left { margin-top: 0.5rem; }
        .countdown { font-weight: 800; font-variant-numeric: tabular-nums; }
        .button-row { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
        .button-danger { border-color: var(--danger); color: var(--danger); }
        .button-danger:hover { background: var(--danger-soft); }
        .book-form { margin-top: 1rem; }

        .booked-card, .found-card {
          margin-top: 1rem;
          padding: 1rem;
          border: 3px solid var(--success);
          border-radius: var(--radius);
          background: var(--surface);
        }
        .found-card[data-status="cancelled"] { border-color: var(--danger); border-style: dashed; }
        .booked-card:focus, .found-card:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
        .reference { font-size: 2.25rem; font-weight: 800; letter-spacing: 0.08em; line-height: 1.1; }
        .spelled { color: var(--muted); font-size: 1rem; }
        .status { margin: 0; font-size: 1rem; font-weight: 800; text-transform: uppercase; letter-spacing: 0.05em; }
        kbd { white-space: nowrap; }
        .facts { display: grid; gap: 0.375rem; margin-top: 0.75rem; }
        .facts > div { display: grid; grid-template-columns: 6rem minmax(0, 1fr); gap: 0.75rem; }
        .facts dt { color: var(--muted); }
        .facts dd { font-weight: 700; overflow-wrap: anywhere; }
        .checklist-heading { margin: 1rem 0 0.25rem; font-size: 1rem; }
        .checklist { padding-left: 1.5rem; list-style: decimal; }
        .checklist li { padding: 0.25rem 0; }
        .document-name { font-weight: 700; }
        .document-condition, .document-note { color: var(--muted); }
        .inline-form { display: flex; gap: 0.5rem; }
        .inline-form .text-input { flex: 1; text-transform: uppercase; letter-spacing: 0.08em; }

        .shortcut-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.5rem 1.5rem; }
        .shortcut-list > div { display: flex; gap: 0.75rem; align-items: baseline; }
        .shortcut-note { margin-top: 0.75rem; color: var(--muted); font-size: 1rem; }

        .cancel-dialog {
          max-width: 30rem;
          padding: 1.5rem;
          border: 2px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
          color: var(--text);
        }
        .cancel-dialog::backdrop { background: var(--shadow); }
        .cancel-dialog h2 { margin-bottom: 0.5rem; font-size: 1.375rem; }
        """#
}
