extension Assets {
    /// The citizen pages' stylesheet, on the base palette: one readable column that reflows down to
    /// 320 CSS pixels (WCAG 1.4.10) and survives 200 % zoom, large targets, the hold box, the list
    /// of days and times, and a print layout for the confirmation.
    static let citizenCSS = #"""
        /* Rathaus citizen pages (booking, confirmation, manage, accessibility statement). Colours come
           from base.css; text pairs >= 4.5:1, control borders >= 3:1 (tested). Sizes in rem, so
           text zoom and 200 % page zoom reflow instead of overflowing. */
        body.citizen { overflow-wrap: break-word; }
        a { color: var(--primary); text-underline-offset: 0.15em; }
        a:hover { text-decoration-thickness: 2px; }

        .skip-link {
          position: absolute;
          top: 0.5rem;
          left: 0.5rem;
          z-index: 10;
          padding: 0.5rem 1rem;
          background: var(--surface);
          color: var(--primary);
          font-weight: 700;
          transform: translateY(-200%);
        }
        .skip-link:focus { transform: none; }

        .citizen-header { padding: 0.75rem 1rem; }
        .site-title { font-size: 1.375rem; font-weight: 800; line-height: 1.2; }
        .site-link, .language-switch a { color: var(--on-primary); }
        .site-link { text-decoration: none; }
        .site-link:hover { text-decoration: underline; }
        .language-switch a {
          display: inline-flex;
          align-items: center;
          min-height: 2.75rem;
          padding: 0 0.75rem;
          border: 2px solid var(--on-primary);
          border-radius: var(--radius);
          font-weight: 700;
          text-decoration: none;
        }
        .language-switch a:hover { background: var(--primary-hover); }

        .citizen-main { max-width: 50rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
        .citizen-main:focus { outline: none; }
        .step-indicator { margin: 0.5rem 0; color: var(--muted); font-size: 1rem; font-weight: 700; }
        h1, .page-heading h1 { margin: 0.25rem 0 1rem; font-size: 1.875rem; line-height: 1.2; }
        h2 { margin: 1.5rem 0 0.75rem; font-size: 1.375rem; line-height: 1.25; }
        h3 { margin: 1.25rem 0 0.5rem; font-size: 1.125rem; }
        .panel h2 { margin-top: 0; }
        p { margin: 0 0 0.75rem; }
        .lead { font-size: 1.1875rem; }

        fieldset { min-width: 0; margin: 0 0 1.5rem; padding: 0; border: 0; }
        legend { padding: 0; }
        .page-heading { display: block; }
        .service-group { margin-top: 1.25rem; }
        .service-group > legend { margin-bottom: 0.5rem; font-size: 1.1875rem; font-weight: 700; }
        .service-list, .office-list { display: grid; gap: 0.5rem; }

        /* A checkbox or radio with its label as one large target. */
        .check {
          display: grid;
          grid-template-columns: auto minmax(0, 1fr);
          align-items: start;
          gap: 0.125rem 0.875rem;
          padding: 0.75rem 1rem;
          border: 2px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
          cursor: pointer;
        }
        .check input {
          grid-row: span 3;
          width: 1.5rem;
          height: 1.5rem;
          margin: 0.125rem 0 0;
          accent-color: var(--primary);
        }
        .check:hover { border-color: var(--primary); }
        .check:has(input:checked) { border-color: var(--primary); background: var(--primary-soft); }
        .check:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
        .check-label { font-weight: 700; }
        .check-hint { grid-column: 2; color: var(--muted); font-size: 1rem; }
        .service-off {
          display: grid;
          gap: 0.125rem;
          padding: 0.75rem 1rem 0.75rem 3.375rem;
          border: 2px dashed var(--border);
          border-radius: var(--radius);
        }
        .service-off .check-hint { grid-column: 1; }

        .field { margin: 1.25rem 0; }
        .field-hint { margin-bottom: 0.375rem; color: var(--muted); font-size: 1rem; }
        .field-error { margin-bottom: 0.375rem; color: var(--danger); font-weight: 700; }
        .field-invalid .text-input, .field-invalid .select { border-color: var(--danger); border-width: 3px; }
        .field-invalid { padding-left: 0.875rem; border-left: 0.3125rem solid var(--danger); }
        .text-input { max-width: 30rem; }
        .select-short { width: auto; min-width: 6rem; }
        .reach { margin-top: 1.5rem; }
        .reach > legend { font-size: 1.1875rem; }
        .privacy-note { color: var(--muted); font-size: 1rem; }

        .button-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; margin: 1rem 0; }
        .flow-form > .button { margin-top: 0.5rem; }
        .button-danger { border-color: var(--danger); color: var(--danger); }
        .button-danger:hover { background: var(--danger-soft); }
        .button-quiet { border-color: var(--border); color: var(--text); }
        .button-quiet:hover { background: var(--surface-strong); }

        /* Messages: a problem (with the list of fields to put right), a confirmation or a note. */
        .notice {
          margin: 1rem 0;
          padding: 1rem 1.25rem;
          border: 3px solid var(--danger);
          border-left-width: 0.75rem;
          border-radius: var(--radius);
          background: var(--danger-soft);
        }
        .notice:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
        .notice[data-kind="success"], .notice[data-kind="info"] { border-color: var(--success); background: var(--success-soft); }
        .notice-title { margin: 0 0 0.25rem; font-size: 1.25rem; }
        .notice-detail { margin: 0; }
        .error-list { margin-top: 0.5rem; padding-left: 1.25rem; list-style: disc; }
        .error-list a { color: var(--danger); font-weight: 700; }

        .panel {
          margin: 1rem 0;
          padding: 1rem 1.25rem;
          border: 1px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
        }
        .chosen-list { margin-bottom: 0.5rem; padding-left: 1.25rem; list-style: disc; font-weight: 700; }
        .fee-notes { padding-left: 1.25rem; list-style: disc; color: var(--muted); font-size: 1rem; }
        .fee-notes li + li { margin-top: 0.25rem; }

        .summary {
          display: grid;
          grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr);
          gap: 0.5rem 1.25rem;
          margin: 1rem 0;
        }
        .summary > div { display: contents; }
        .summary dt { color: var(--muted); }
        .summary dd { font-weight: 700; overflow-wrap: anywhere; }
        .office-name, .office-address { display: block; }
        .office-address { font-weight: 400; }

        .checklist li { display: grid; gap: 0.125rem; padding: 0.625rem 0; border-bottom: 1px solid var(--surface-strong); }
        .checklist li:last-child { border-bottom: 0; }
        .document-name { font-weight: 700; }
        .document-condition { font-style: italic; }
        .document-condition, .document-note { color: var(--muted); font-size: 1rem; }

        /* Days and times: a list of days, then the chosen day's times as buttons. */
        .times-layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2rem; }
        @media (min-width: 52rem) {
          .citizen-main:has(.times-layout) { max-width: 64rem; }
          .times-layout { grid-template-columns: minmax(14rem, 18rem) minmax(0, 1fr); align-items: start; }
        }
        .day-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.5rem; }
        .day {
          display: grid;
          min-height: 2.75rem;
          padding: 0.375rem 0.75rem;
          border: 2px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
          color: var(--text);
          text-decoration: none;
        }
        .day:hover { border-color: var(--primary); }
        .day[aria-current] { border-color: var(--primary); background: var(--primary); color: var(--on-primary); }
        .day-name { font-weight: 700; }
        .day-count { font-size: 0.9375rem; }
        .day-pages { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin-top: 0.75rem; }
        .day-pages a { display: inline-block; padding: 0.5rem 0; }
        .part-heading { color: var(--muted); font-size: 1rem; text-transform: uppercase; letter-spacing: 0.05em; }
        .time-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(5.5rem, 1fr)); gap: 0.5rem; }
        .time-list-dated { grid-template-columns: repeat(auto-fill, minmax(min(100%, 14.5rem), 1fr)); }
        .time {
          width: 100%;
          min-height: 2.75rem;
          padding: 0.375rem 0.5rem;
          border: 2px solid var(--primary);
          border-radius: var(--radius);
          background: var(--surface);
          color: var(--primary);
          font-weight: 700;
          font-variant-numeric: tabular-nums;
          cursor: pointer;
        }
        .time:hover { background: var(--primary-soft); }
        .next-times { border: 3px solid var(--primary); }
        .back-link { margin-top: 1.5rem; }

        /* The held time. */
        .hold-box {
          margin: 1rem 0;
          padding: 1rem 1.25rem;
          border: 3px solid var(--primary);
          border-radius: var(--radius);
          background: var(--primary-soft);
        }
        .hold-box h2 { margin-top: 0; }
        .countdown { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .hold-warning:empty { display: none; }
        .hold-warning {
          margin: 0.75rem 0;
          padding: 0.75rem 1rem;
          border: 3px solid var(--danger);
          border-radius: var(--radius);
          background: var(--danger-soft);
          font-weight: 700;
        }
        .hold-actions { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--border); }
        .hold-actions-title { margin: 0; font-weight: 700; }
        .hold-actions .button-row { margin: 0.5rem 0; }
        .hold-extensions { margin: 0; color: var(--muted); font-size: 1rem; }

        /* The booking's page. */
        .reference-box {
          margin: 1rem 0;
          padding: 1rem;
          border: 3px solid var(--primary);
          border-radius: var(--radius);
          background: var(--surface);
          text-align: center;
        }
        .reference-label { margin: 0; color: var(--muted); font-weight: 700; }
        .reference { margin: 0.25rem 0; font-size: 2.5rem; font-weight: 800; letter-spacing: 0.08em; font-variant-numeric: tabular-nums; }
        .reference-hint { margin: 0; font-size: 1rem; }

        .prose { max-width: 44rem; }
        .bullets { margin: 0 0 1rem; padding-left: 1.5rem; list-style: disc; }
        .bullets li + li { margin-top: 0.375rem; }
        .contact { margin: 0 0 1rem; font-style: normal; }

        .citizen-footer { margin-top: 2rem; padding: 1.5rem 1rem; border-top: 1px solid var(--border); background: var(--surface); }
        .footer-links {
          display: flex;
          flex-wrap: wrap;
          align-items: center;
          gap: 0.5rem 2rem;
          max-width: 48rem;
          margin: 0 auto;
          color: var(--muted);
          font-size: 1rem;
        }
        .footer-links a { display: inline-block; padding: 0.25rem 0; }

        @media (max-width: 30rem) {
          body { font-size: 1.0625rem; }
          h1, .page-heading h1 { font-size: 1.5rem; }
          .citizen-main { padding: 0.75rem 0.75rem 2rem; }
          .panel, .hold-box, .notice { padding: 0.75rem; }
          .summary { grid-template-columns: minmax(0, 1fr); gap: 0 0; }
          .summary dd { margin-bottom: 0.5rem; }
          .reference { font-size: 2rem; }
          .button-row .button { width: 100%; }
        }

        @media print {
          .citizen-header nav, .skip-link, .citizen-footer, .button-row, .step-indicator { display: none; }
          .page-header { background: none; color: var(--text); padding: 0; }
          .site-link { color: var(--text); }
          .panel, .reference-box { border-color: var(--text); }
        }
        """#
}
