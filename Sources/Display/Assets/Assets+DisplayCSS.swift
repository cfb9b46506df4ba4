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
          grid-template-columns: minmax(0, 64fr) minmax(0, 36fr);
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

        /* Current calls, newest first. Up to three: one row each, "A017 -> Schalter 4". Four and more:
           tiles in two or three columns, the counter under the number. */
        .calls { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
        .call-list {
          --number-size: min(15vh, 8.4vw);
          --row-padding: 1.3vh;
          display: grid;
          gap: 1.8vh 1.4vw;
          align-content: start;
        }
        .call {
          position: relative;
          display: grid;
          grid-template-columns: auto auto minmax(0, 1fr);
          grid-template-areas: "number arrow counter";
          align-items: center;
          column-gap: 1.2vw;
          padding: var(--row-padding) 1.4vw;
          border: 0.8vh solid var(--surface);
          border-radius: 1.4vh;
          background: var(--surface);
          color: var(--text);
        }
        .call-number {
          grid-area: number;
          font-size: var(--number-size);
          font-weight: 800;
          line-height: 1;
          letter-spacing: 0.01em;
        }
        .call-arrow { grid-area: arrow; font-size: calc(var(--number-size) * 0.45); font-weight: 700; line-height: 1; }
        .call-counter {
          grid-area: counter;
          overflow: hidden;
          font-size: calc(var(--number-size) * 0.45);
          font-weight: 700;
          line-height: 1.15;
          text-overflow: ellipsis;
          white-space: nowrap;
        }
        /* The cue is a tab in the frame's top right corner, so it takes no room from the counter. */
        .call-cue {
          position: absolute;
          top: 0;
          right: 0;
          padding: 0.3vh 1vw 0.6vh 1.2vw;
          border-bottom-left-radius: 1.2vh;
          background: var(--accent);
          color: var(--on-accent);
          font-size: 2.6vh;
          font-weight: 800;
          letter-spacing: 0.06em;
          line-height: 1.2;
          text-transform: uppercase;
          white-space: nowrap;
        }
        .call-cue:empty { display: none; }

        .call-list:has(> .call:nth-child(4)) {
          --number-size: min(13vh, 7.2vw);
          --row-padding: 1.2vh;
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
        .call-list:has(> .call:nth-child(5)) { --number-size: min(11vh, 6.2vw); --row-padding: 0.9vh; }
        .call-list:has(> .call:nth-child(7)) {
          --number-size: min(9vh, 5vw);
          --row-padding: 0.8vh;
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
        .call-list:has(> .call:nth-child(10)) { --number-size: min(8.6vh, 4.8vw); --row-padding: 0.6vh; row-gap: 1.2vh; }
        .call-list:has(> .call:nth-child(4)) .call {
          grid-template-columns: auto minmax(0, 1fr);
          grid-template-areas: "number number" "arrow counter";
          row-gap: 0.6vh;
          padding-top: calc(var(--row-padding) + 2.4vh);
        }
        .call-list:has(> .call:nth-child(4)) .call-arrow,
        .call-list:has(> .call:nth-child(4)) .call-counter { font-size: calc(var(--number-size) * 0.5); }
        /* Three columns: the calls take more of the width, the counters a little less height. */
        .board:has(.call-list > .call:nth-child(7)) { grid-template-columns: minmax(0, 68fr) minmax(0, 32fr); }
        .call-list:has(> .call:nth-child(7)) .call { column-gap: 0.8vw; padding-right: 1vw; padding-left: 1vw; }
        .call-list:has(> .call:nth-child(7)) .call-arrow,
        .call-list:has(> .call:nth-child(7)) .call-counter { font-size: calc(var(--number-size) * 0.4); }

        /* Called, the counter waits: a thick frame and the word "Aufruf" (not colour alone). Being
           served: a plain row. */
        .call.is-called { border-color: var(--accent); }

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

        .calls-empty { padding: 4vh 0; color: var(--muted); font-size: 4.8vh; font-weight: 700; }
        .calls-empty .translation { display: block; font-size: 3.4vh; }

        /* The side: the last calls and the waiting time per group. */
        .board-side { display: flex; flex-direction: column; gap: 3vh; min-width: 0; min-height: 0; overflow: hidden; }
        .recent-call {
          display: grid;
          grid-template-columns: 4.8ch 1.4em minmax(0, 1fr);
          align-items: baseline;
          padding: 0.5vh 0;
          border-bottom: 0.25vh solid var(--border);
          font-size: 4.4vh;
          font-weight: 700;
          line-height: 1.2;
        }
        .recent-arrow { color: var(--muted); }
        .recent-counter { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

        .group {
          display: grid;
          grid-template-columns: 2.1em max-content minmax(0, 1fr);
          grid-template-areas: "letter name name" "letter waiting wait";
          align-items: baseline;
          column-gap: 1vw;
          padding: 0.9vh 0;
          border-bottom: 0.25vh solid var(--border);
          font-size: 3.4vh;
          line-height: 1.2;
        }
        .group-letter {
          grid-area: letter;
          align-self: center;
          border: 0.35vh solid var(--text);
          border-radius: 1vh;
          font-size: 4.6vh;
          font-weight: 800;
          line-height: 1.3;
          text-align: center;
        }
        .group-name {
          grid-area: name;
          display: -webkit-box;
          overflow: hidden;
          color: var(--muted);
          font-size: 3vh;
          -webkit-box-orient: vertical;
          -webkit-line-clamp: 2;
        }
        .group-waiting { grid-area: waiting; font-weight: 700; white-space: nowrap; }
        .group-wait { grid-area: wait; overflow: hidden; font-weight: 800; text-overflow: ellipsis; white-space: nowrap; text-align: right; }

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
          left: 2.5vw;
          bottom: 4vh;
          z-index: 10;
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
