extension Assets {
    /// The shared base stylesheet of every page: the palette as custom properties (every colour a
    /// page uses is one of these, so the contrast test sees them all), type, focus, buttons, form
    /// fields, the message region and the token form. Page stylesheets build on it.
    static let baseCSS = #"""
        /* Rathaus base stylesheet: shared by every page. Colours live only in the custom properties
           below; page stylesheets override them (the display uses a dark palette) and never write a
           colour literal elsewhere. Contrast of text pairs >= 7:1 (WCAG 2.1 1.4.6), borders >= 3:1. */
        :root {
          --bg: #f2f4f7;
          --surface: #ffffff;
          --surface-strong: #e4e9f0;
          --text: #111820;
          --muted: #3f4956;
          --border: #6a7584;
          --primary: #0a4790;
          --primary-hover: #083a76;
          --on-primary: #ffffff;
          --primary-soft: #e2ecf8;
          --danger: #8f1414;
          --danger-soft: #fbeaea;
          --success: #17582a;
          --success-soft: #e5f3e8;
          --focus: #111820;
          --focus-halo: #ffffff;
          --shadow: rgb(0 0 0 / 0.25);
          --shadow-soft: rgb(0 0 0 / 0.12);
          --radius: 0.5rem;
          --font: "Atkinson Hyperlegible", "Inter", "Segoe UI", "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial,
            sans-serif;
          color-scheme: light;
        }

        *, *::before, *::after { box-sizing: border-box; }

        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }

        body {
          margin: 0;
          min-height: 100vh;
          background: var(--bg);
          color: var(--text);
          font-family: var(--font);
          font-size: 1.125rem;
          line-height: 1.5;
        }

        h1, h2, h3, p, ul, ol, dl, dd, figure { margin: 0; }
        ul, ol { padding: 0; list-style: none; }
        button, input, select, textarea { font: inherit; color: inherit; }
        [hidden] { display: none !important; }

        .visually-hidden {
          position: absolute !important;
          width: 1px;
          height: 1px;
          padding: 0;
          margin: -1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
          white-space: nowrap;
          border: 0;
        }

        :focus-visible {
          outline: 3px solid var(--focus);
          outline-offset: 2px;
          box-shadow: 0 0 0 6px var(--focus-halo);
        }

        .translation { font-weight: 400; font-style: italic; }

        kbd {
          display: inline-block;
          min-width: 1.6em;
          padding: 0 0.35em;
          border: 1px solid currentColor;
          border-radius: 0.25rem;
          font-family: inherit;
          font-size: 0.8em;
          font-weight: 700;
          line-height: 1.4;
          text-align: center;
        }

        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.95em; }

        /* Page header shared by the kiosk, counter and citizen pages. */
        .page-header {
          display: flex;
          flex-wrap: wrap;
          align-items: center;
          justify-content: space-between;
          gap: 0.5rem 2rem;
          padding: 1rem 1.5rem;
          background: var(--primary);
          color: var(--on-primary);
        }
        .page-title { font-size: 1.5rem; line-height: 1.2; }
        .page-subtitle { display: block; font-size: 1rem; font-weight: 400; }

        /* Buttons: at least 44 x 44 CSS pixels (WCAG 2.5.5), a visible border, never colour alone. */
        .button {
          display: inline-flex;
          align-items: center;
          justify-content: center;
          gap: 0.5em;
          min-height: 2.75rem;
          min-width: 2.75rem;
          padding: 0.5rem 1.25rem;
          border: 2px solid var(--primary);
          border-radius: var(--radius);
          background: var(--surface);
          color: var(--primary);
          font-weight: 700;
          text-decoration: none;
          cursor: pointer;
        }
        .button:hover { background: var(--primary-soft); }
        .button-primary { background: var(--primary); color: var(--on-primary); }
        .button-primary:hover { background: var(--primary-hover); }
        .button-large { min-height: 4rem; padding: 0.75rem 2rem; font-size: 1.5rem; }
        .button-small { min-height: 2.75rem; padding: 0.25rem 0.75rem; font-size: 1rem; }
        .button:disabled, .button[aria-disabled="true"] {
          border-style: dashed;
          background: var(--surface-strong);
          color: var(--muted);
          cursor: not-allowed;
        }

        .field-label { display: block; margin-bottom: 0.25rem; font-weight: 700; }
        .text-input, .select {
          width: 100%;
          min-height: 2.75rem;
          padding: 0.5rem 0.75rem;
          border: 2px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
          color: var(--text);
        }

        /* The message region (role="alert") under the page header: a problem's title and detail, or a
           confirmation. In the flow, so it never covers a button. */
        .message:empty { display: none; }
        .message {
          width: calc(100% - 2rem);
          max-width: 60rem;
          margin: 1rem auto 0;
          padding: 1rem 1.25rem 1rem 1rem;
          border: 3px solid var(--danger);
          border-left-width: 0.75rem;
          border-radius: var(--radius);
          background: var(--danger-soft);
          color: var(--text);
          box-shadow: 0 0.25rem 0.75rem var(--shadow-soft);
        }
        .message[data-kind="info"] { border-color: var(--success); background: var(--success-soft); }
        .message-title { display: block; font-weight: 700; }

        /* Token set-up for kiosk and counter devices. */
        .token-panel {
          max-width: 40rem;
          margin: 2rem auto;
          padding: 1.5rem;
          border: 2px solid var(--border);
          border-radius: var(--radius);
          background: var(--surface);
        }
        .token-panel h2 { margin-bottom: 0.5rem; font-size: 1.375rem; }
        .token-panel p { margin-bottom: 1rem; }
        .token-form { display: grid; gap: 0.75rem; }

        .noscript {
          margin: 1rem;
          padding: 1rem;
          border: 3px solid var(--danger);
          background: var(--danger-soft);
          font-weight: 700;
        }

        @media (prefers-reduced-motion: reduce) {
          *, *::before, *::after {
            animation: none !important;
            transition: none !important;
            scroll-behavior: auto !important;
          }
        }
        """#
}
