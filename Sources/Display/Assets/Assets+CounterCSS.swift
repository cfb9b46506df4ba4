extension Assets {
    /// The counter page's stylesheet: the current ticket large on the left, the actions, parked
    /// tickets and shortcuts on the right, on the base palette.
    static let counterCSS = #"""
        /* Rathaus counter page (Sachbearbeitung): a clerk's desktop screen, 1280px and wider; it stacks
           on narrow windows. Colours come from base.css. */
        .counter-header .waiting-summary { font-size: 1.25rem; }
        .waiting-count { font-size: 2rem; font-weight: 800; font-variant-numeric: tabular-nums; }
        .connection-note {
          padding: 0.25rem 0.75rem;
          border: 2px solid var(--on-primary);
          border-radius: 999px;
          font-weight: 700;
        }

        .counter-main {
          display: grid;
          grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr);
          gap: 1.5rem;
          max-width: 96rem;
          margin: 0 auto;
          padding: 1.5rem;
          align-items: start;
        }
        @media (max-width: 60rem) { .counter-main { grid-template-columns: minmax(0, 1fr); } }

        .counter-side { display: grid; gap: 1.5rem; }
        .panel {
          padding: 1.25rem 1.5rem;
          border: 1px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
        }
        .panel-heading {
          margin-bottom: 0.75rem;
          color: var(--muted);
          font-size: 1rem;
          letter-spacing: 0.06em;
          text-transform: uppercase;
        }
        .current-empty { padding: 2rem 0; color: var(--muted); font-size: 1.375rem; }

        .ticket-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; }
        .ticket-number { font-size: 6rem; font-weight: 800; line-height: 1; font-variant-numeric: tabular-nums; }
        .ticket-state {
          padding: 0.25rem 1rem;
          border: 2px solid var(--primary);
          border-radius: 999px;
          background: var(--primary-soft);
          font-size: 1.25rem;
          font-weight: 700;
        }
        .ticket-card[data-state="serving"] .ticket-state { border-color: var(--success); background: var(--success-soft); }
        .ticket-facts { display: flex; flex-wrap: wrap; gap: 0.5rem 2.5rem; margin-top: 1rem; }
        .ticket-facts dt { color: var(--muted); font-size: 0.9375rem; }
        .ticket-facts dd { font-size: 1.25rem; font-weight: 700; }
        .ticket-subheading { margin: 1.5rem 0 0.5rem; font-size: 1.125rem; }
        .ticket-services { padding-left: 1.25rem; list-style: disc; font-size: 1.25rem; }
        .ticket-no-documents { color: var(--muted); }

        .checklist li { padding: 0.5rem 0; border-bottom: 1px solid var(--surface-strong); }
        .check { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.75rem; cursor: pointer; }
        .check input { width: 1.375rem; height: 1.375rem; margin: 0; flex: none; align-self: center; accent-color: var(--primary); }
        .document-name { font-weight: 700; }
        .document-condition, .document-note { flex-basis: 100%; padding-left: 2.125rem; color: var(--muted); font-size: 1rem; }
        .document-condition { font-style: italic; }

        .action-list { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.75rem; }
        .action { justify-content: space-between; min-height: 3.5rem; text-align: left; }
        .action[data-action="next"] { grid-column: 1 / -1; min-height: 4.5rem; font-size: 1.5rem; }
        .action[data-action="finish"], .action[data-action="transfer"] { grid-column: 1 / -1; }

        .parked-item {
          display: flex;
          flex-wrap: wrap;
          align-items: center;
          gap: 0.5rem 1rem;
          padding: 0.5rem 0;
          border-bottom: 1px solid var(--surface-strong);
        }
        .parked-number { font-size: 1.5rem; font-weight: 800; }
        .parked-services { flex: 1; color: var(--muted); font-size: 1rem; }
        .parked-empty { color: var(--muted); }

        .shortcut-list { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.375rem 1rem; font-size: 1rem; }
        .shortcut-list div { display: flex; align-items: baseline; gap: 0.5rem; }
        .shortcut-note { margin-top: 0.75rem; color: var(--muted); font-size: 0.9375rem; }

        .transfer-dialog {
          width: min(92vw, 44rem);
          padding: 1.5rem;
          border: 2px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
          color: var(--text);
        }
        .transfer-dialog::backdrop { background: rgb(0 0 0 / 0.55); }
        .transfer-form { display: grid; gap: 1rem; }
        .transfer-form h2 { font-size: 1.5rem; }
        .transfer-services {
          display: grid;
          grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
          gap: 0.5rem 1rem;
          margin: 0;
          padding: 0.75rem 1rem 1rem;
          border: 1px solid var(--border);
          border-radius: var(--radius);
        }
        .transfer-services legend { padding: 0 0.25rem; font-weight: 700; }
        .transfer-services .check { flex-wrap: nowrap; align-items: flex-start; }
        .transfer-services .check input { margin-top: 0.125rem; }
        .dialog-buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; }
        """#
}
