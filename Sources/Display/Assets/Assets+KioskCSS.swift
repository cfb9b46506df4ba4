extension Assets {
    /// The kiosk's stylesheet: large touch targets (at least 88 CSS pixels high for choices) on the
    /// base palette, for portrait and landscape touch screens.
    static let kioskCSS = #"""
        /* Rathaus kiosk (Wartemarkenautomat): touch first. Choices are at least 88px high, keypad keys
           68px; colours come from base.css. */
        .kiosk { font-size: 1.375rem; user-select: none; -webkit-user-select: none; }
        .kiosk .reference-input, .kiosk .text-input { user-select: text; -webkit-user-select: text; }

        .kiosk-header { justify-content: center; padding: 1.5rem 2rem; text-align: center; }
        .kiosk-header .page-title { font-size: 2.25rem; }

        .kiosk-main { max-width: 64rem; margin: 0 auto; padding: 2rem 2rem 4rem; }

        .screen-heading {
          display: flex;
          flex-wrap: wrap;
          align-items: center;
          gap: 0.25rem 1rem;
          margin-bottom: 1.75rem;
          font-size: 2.25rem;
          line-height: 1.2;
        }
        .screen-heading:focus { outline: none; }
        .screen-heading .translation { flex-basis: 100%; color: var(--muted); font-size: 1.375rem; }

        .choice-list { display: grid; gap: 1.25rem; }
        .group-list { grid-template-columns: repeat(auto-fit, minmax(min(100%, 34rem), 1fr)); }

        .choice {
          display: flex;
          align-items: center;
          gap: 1.5rem;
          width: 100%;
          min-height: 5.5rem;
          padding: 1.25rem 1.5rem;
          border: 3px solid var(--primary);
          border-radius: 1rem;
          background: var(--surface);
          color: var(--text);
          text-align: left;
          cursor: pointer;
          box-shadow: 0 0.25rem 0.75rem var(--shadow-soft);
          touch-action: manipulation;
        }
        .choice:hover, .choice:active { background: var(--primary-soft); }
        .choice:active { transform: translateY(2px); box-shadow: none; }
        .choice-text { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
        .choice-name { font-size: 1.75rem; font-weight: 700; line-height: 1.2; overflow-wrap: anywhere; }
        .choice-detail { color: var(--muted); font-size: 1.125rem; line-height: 1.35; }
        .choice-wait { font-size: 1.125rem; font-weight: 700; }
        .choice-wait:empty { display: none; }

        .group-letter {
          display: inline-flex;
          flex: none;
          align-items: center;
          justify-content: center;
          width: 4.5rem;
          height: 4.5rem;
          border-radius: 0.75rem;
          background: var(--primary);
          color: var(--on-primary);
          font-size: 2.75rem;
          font-weight: 800;
          line-height: 1;
        }
        .screen-heading .group-letter { width: 3.5rem; height: 3.5rem; font-size: 2.25rem; }

        .check-in-choice { margin-top: 2.5rem; border-color: var(--success); }
        .check-in-choice:hover, .check-in-choice:active { background: var(--success-soft); }
        .check-in-icon {
          display: inline-flex;
          flex: none;
          align-items: center;
          justify-content: center;
          width: 4.5rem;
          height: 4.5rem;
          border-radius: 50%;
          background: var(--success);
          color: var(--on-primary);
          font-size: 2.5rem;
          font-weight: 800;
        }

        .service-choice { min-height: 6rem; }

        .back-button { min-height: 4.5rem; margin-top: 2rem; padding: 0.75rem 2rem; font-size: 1.375rem; }

        .check-in-form { display: grid; gap: 1.25rem; }
        .check-in-form .field-label { font-size: 1.375rem; }
        .reference-input {
          width: 100%;
          min-height: 5.5rem;
          padding: 0.5rem 1rem;
          border: 3px solid var(--border);
          border-radius: 1rem;
          background: var(--surface);
          color: var(--text);
          font-size: 3.25rem;
          font-weight: 800;
          letter-spacing: 0.3em;
          text-align: center;
          text-transform: uppercase;
        }
        .keypad { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 0.625rem; }
        .key {
          min-height: 4.25rem;
          border: 2px solid var(--border);
          border-radius: 0.75rem;
          background: var(--surface);
          color: var(--text);
          font-size: 2rem;
          font-weight: 700;
          cursor: pointer;
          touch-action: manipulation;
        }
        .key:active { background: var(--primary-soft); }
        .key-wide { grid-column: span 2; }

        .screen-busy { padding: 6rem 0; text-align: center; }
        .busy-text { font-size: 2.25rem; font-weight: 700; }
        .busy-text::before {
          content: "";
          display: block;
          width: 4rem;
          height: 4rem;
          margin: 0 auto 1.5rem;
          border: 0.5rem solid var(--surface-strong);
          border-top-color: var(--primary);
          border-radius: 50%;
          animation: kiosk-spin 1s linear infinite;
        }
        @keyframes kiosk-spin { to { transform: rotate(360deg); } }

        .kiosk .message { font-size: 1.5rem; }

        /* A tall portrait screen (a 1080 x 1920 kiosk column): everything a quarter larger. */
        @media (orientation: portrait) and (min-width: 56rem) {
          html { font-size: 20px; }
          .choice { min-height: 7rem; }
        }
        """#
}
