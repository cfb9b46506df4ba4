extension Assets {
    /// The waiting-room display's stylesheet: a dark palette with every text pair at 7:1 or more,
    /// sizes in viewport units so the page fills any landscape screen, and ticket numbers of at
    /// least 8.6 % of a 16:9 screen's height (15 % while no more than three calls are shown).
    static let displayCSS = #"""
        /* Rathaus waiting-room display (Aufrufanzeige). Built for 1920 x 1080 seen from 6 m and more:
           all sizes are in viewport units; on a 16:9 screen ticket numbers are never below 8.6vh (8% of
           the height is the minimum; the vw bound only shrinks them on narrower screens so that
           "A017 -> Schalter 4" still fits), text pairs have a contrast of at least 7:1 (WCAG 2.1 1.4.6). */
        .display {
          --bg: #0a0e14;
          --surface: #131b26;
          --surface-strong: #1e2a39;
          --text: #f6f8fa;
          --muted: #c8d1dc;
          --border: #5b6c80;
          --accent: #ffd23f;
          --on-accent: #0a0e14;
          --focus: #ffd23f;
          --focus-halo: #0a0e14;
          color-scheme: dark;
          display: grid;
          grid-template-rows: auto minmax(0, 1fr);
          height: 100vh;
          overflow: hidden;
          font-size: 2.4vh;
          line-height: 1.25;
          font-variant-numeric: tabular-nums;
          cursor: none;
        }

        .board-header {
          display: flex;
          align-items: center;
          justify-content: space-between;
          gap: 2vw;
          padding: 1.4vh 2.5vw;
          background: var(--surface);
          border-bottom: 0.4vh solid var(--border);
        }
        .board-office { min-width: 0; font-size: 4.4vh; line-height: 1.15; }
        .board-clock { display: flex; flex: none; align-items: baseline; gap: 1.6vw; }
        .board-date { color: var(--muted); font-size: 3.2vh; }
        .board-time { font-size: 7.2vh; font-weight: 800; line-height: 1; }

        .board {
          display: grid;
          grid-template-columns: minmax(0, 60fr) minmax(0, 40fr);
          gap: 2.8vw;
          padding: 2.4vh 2.5vw 2vh;
          min-height: 0;
        }
        .board-heading {
          margin-bottom: 1.2vh;
          color: var(--muted);
          font-size: 3vh;
          font-weight: 700;
          letter-spacing: 0.06em;
          text-transform: uppercase;
        }
        .board-heading .translation { margin-left: 0.5em; letter-spacing: 0; text-transform: none; }

        /* Current calls: one row each, "A017 -> Schalter 4", newest first. */
        .calls { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
        .call-list {
          --number-size: min(15vh, 8.4vw);
          --row-padding: 1.2vh;
          display: grid;
          gap: 1.6vh;
          align-content: start;
        }
        .call-list:has(> .call:nth-child(4)) { --number-size: min(12.5vh, 7vw); --row-padding: 0.9vh; }
        .call-list:has(> .call:nth-child(5)) { --number-size: min(10vh, 5.6vw); --row-padding: 0.6vh; gap: 1.2vh; }
        .call-list:has(> .call:nth-child(6)) { --number-size: min(8.6vh, 4.85vw); --row-padding: 0.5vh; gap: 1vh; }
        .call-list:has(> .call:nth-child(7)) { grid-template-columns: 1fr 1fr; }
        .call {
          display: grid;
          grid-template-columns: auto auto minmax(0, 1fr) auto;
          align-items: center;
          column-gap: 1.4vw;
          padding: var(--row-padding) 1.4vw;
          border: 0.8vh solid var(--surface);
          border-radius: 1.4vh;
          background: var(--surface);
          color: var(--text);
        }
        .call-number { font-size: var(--number-size); font-weight: 800; line-height: 1; letter-spacing: 0.02em; }
        .call-arrow { font-size: calc(var(--number-size) * 0.55); font-weight: 700; line-height: 1; }
        .call-counter {
          overflow: hidden;
          font-size: calc(var(--number-size) * 0.5);
          font-weight: 700;
          line-height: 1.1;
          text-overflow: ellipsis;
          white-space: nowrap;
        }
        .call-cue {
          padding: 0.25em 0.6em;
          border-radius: 0.4em;
          background: var(--accent);
          color: var(--on-accent);
          font-size: max(2.6vh, calc(var(--number-size) * 0.24));
          font-weight: 800;
          letter-spacing: 0.04em;
          text-transform: uppercase;
          white-space: nowrap;
        }
        .call-cue:empty { display: none; }

        /* Called, the counter waits: a thick frame and the word "Aufruf" (not colour alone). Being
           served: a plain row. */
        .call.is-called { border-color: var(--accent); }
        .call.is-serving .call-number, .call.is-serving .call-counter { font-weight: 700; }

        /* A new call or recall blinks three times in 4.5 s (at most 3 within 5 s; well under three
           flashes a second, WCAG 2.3.1), then stays framed. Reduced motion: no blinking (base.css) but
           the inverted row for as long as the script keeps "is-new" (5 s). */
        .call.is-new { animation: call-blink 1.5s steps(1, end) 3; }
        .call.is-new .call-cue { animation: cue-blink 1.5s steps(1, end) 3; }
        @keyframes call-blink {
          0% { background: var(--accent); color: var(--on-accent); }
          50% { background: var(--surface); color: var(--text); }
        }
        @keyframes cue-blink {
          0% { background: var(--on-accent); color: var(--accent); }
          50% { background: var(--accent); color: var(--on-accent); }
        }
        @media (prefers-reduced-motion: reduce) {
          .call.is-new { background: var(--accent); color: var(--on-accent); }
          .call.is-new .call-cue { background: var(--on-accent); color: var(--accent); }
        }

        /* Many calls at once: two columns, smaller counter names, the frame alone as the cue. */
        .call-list:has(> .call:nth-child(7)) .call { column-gap: 1vw; }
        .call-list:has(> .call:nth-child(7)) .call-counter { font-size: calc(var(--number-size) * 0.42); }
        .call-list:has(> .call:nth-child(7)) .call-cue { display: none; }

        .calls-empty { padding: 4vh 0; color: var(--muted); font-size: 4.8vh; font-weight: 700; }
        .calls-empty .translation { display: block; font-size: 3.4vh; }

        /* The side: the last calls and the waiting times. */
        .board-side { display: flex; flex-direction: column; gap: 3vh; min-width: 0; min-height: 0; overflow: hidden; }
        .recent-call {
          display: grid;
          grid-template-columns: 4.6ch 1.4em minmax(0, 1fr);
          align-items: baseline;
          padding: 0.5vh 0;
          border-bottom: 0.25vh solid var(--border);
          font-size: 4.8vh;
          font-weight: 700;
          line-height: 1.2;
        }
        .recent-arrow { color: var(--muted); }
        .recent-counter { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

        .group-table { width: 100%; border-collapse: collapse; font-size: 3vh; }
        .group-row > * { padding: 0.9vh 0.6vw; border-bottom: 0.25vh solid var(--border); vertical-align: middle; }
        .group-row > :first-child { padding-left: 0; }
        .group-row > :last-child { padding-right: 0; }
        .group-letter {
          width: 2.2em;
          font-size: 3.6vh;
          font-weight: 800;
          text-align: center;
        }
        .group-name { color: var(--muted); line-height: 1.2; }
        .group-waiting { white-space: nowrap; text-align: right; }
        .group-wait { font-weight: 700; white-space: nowrap; text-align: right; }

        /* Status: a small pill that never covers the numbers. */
        .connection {
          position: fixed;
          right: 1.5vw;
          bottom: 1.5vh;
          z-index: 5;
          padding: 0.6vh 1.2vw;
          border: 0.25vh solid var(--border);
          border-radius: 999px;
          background: var(--surface-strong);
          color: var(--text);
          font-size: 2.2vh;
        }

        /* Browsers play sound only after a user gesture; staff click this once when starting the screen. */
        .sound-unlock {
          position: fixed;
          left: 50%;
          bottom: 5vh;
          z-index: 10;
          transform: translateX(-50%);
          padding: 2vh 3vw;
          border: 0.5vh solid var(--accent);
          border-radius: 1.5vh;
          background: var(--surface-strong);
          color: var(--text);
          text-align: center;
          cursor: auto;
        }
        .sound-unlock-button {
          min-height: 7vh;
          padding: 1vh 3vw;
          border: 0;
          border-radius: 1vh;
          background: var(--accent);
          color: var(--on-accent);
          font-size: 4vh;
          font-weight: 800;
          cursor: pointer;
        }
        .sound-unlock-button .translation { margin-left: 0.4em; font-size: 0.7em; }
        .sound-unlock-note { margin-top: 1vh; font-size: 2.4vh; }

        /* A portrait screen: calls above, the rest below. */
        @media (orientation: portrait) {
          .board { grid-template-columns: minmax(0, 1fr); grid-template-rows: auto minmax(0, 1fr); }
        }
        """#
}
