/// The waiting-room display (Aufrufanzeige) at `/display/{office}`: a full-screen page rendered
/// with the current board, so it is right before its script runs; `display.js` then keeps it
/// live from the office's event stream.
///
/// The page shows ticket numbers, counters, waiting counts and the clock, nothing else: the
/// snapshot carries no personal data at all.
package enum BoardPage {
    /// The page for `snapshot`. The `<body>` carries what the script needs: `data-office`,
    /// `data-sequence` (the last event the page includes), `data-languages` ("de" or "de en"),
    /// `data-sound` ("on" or "off"), `data-time-zone` (if known), `data-board-url` and
    /// `data-events-url`.
    package static func html(_ snapshot: BoardSnapshot) -> String {
        let office = HTML.pathSegment(snapshot.officeID)
        let english = snapshot.includesEnglish
        var attributes: [(String, String)] = [
            ("class", "display"),
            ("data-office", snapshot.officeID),
            ("data-sequence", String(snapshot.sequence)),
            ("data-languages", snapshot.languages.joined(separator: " ")),
            ("data-sound", snapshot.sound ? "on" : "off"),
        ]
        if let zone = snapshot.timeZone {
            attributes.append(("data-time-zone", zone))
        }
        if let serverTime = snapshot.serverTime {
            attributes.append(("data-server-time", String(serverTime)))
        }
        attributes += [
            ("data-board-url", "/v1/offices/\(office)/queue"),
            ("data-events-url", "/v1/offices/\(office)/queue/events"),
        ]
        return PageShell.document(
            title: "Aufrufanzeige – \(snapshot.officeName)",
            stylesheets: ["display.css"],
            scripts: ["display.js"],
            bodyAttributes: attributes,
            // Without script the page still refreshes itself (HTML §4.2.5.3, the refresh pragma).
            extraHead: ["<noscript><meta http-equiv=\"refresh\" content=\"30\"></noscript>"]
        ) { writer in
            header(snapshot, into: &writer)
            writer.open("<main class=\"board\">")
            calls(snapshot.calls, english: english, into: &writer)
            writer.open("<div class=\"board-side\">")
            recent(Array(snapshot.recent.prefix(BoardSnapshot.maximumRecent)), english: english, into: &writer)
            groups(snapshot.groups, english: english, into: &writer)
            writer.close("</div>")
            writer.close("</main>")
            footer(snapshot, english: english, into: &writer)
            templates(into: &writer)
        }
    }

    private static func header(_ snapshot: BoardSnapshot, into writer: inout HTMLWriter) {
        writer.open("<header class=\"board-header\">")
        writer.line("<h1 class=\"board-office\">\(HTML.escape(snapshot.officeName))</h1>")
        writer.open("<p class=\"board-clock\">")
        writer.line("<span class=\"board-date\" id=\"board-date\">\(HTML.escape(snapshot.date))</span>")
        writer.line("<time class=\"board-time\" id=\"board-time\">\(HTML.escape(snapshot.time))</time>")
        writer.close("</p>")
        writer.close("</header>")
    }

    private static func calls(_ calls: [BoardCall], english: Bool, into writer: inout HTMLWriter) {
        writer.open("<section class=\"calls\" aria-labelledby=\"calls-heading\">")
        writer.line(
            "<h2 class=\"board-heading\" id=\"calls-heading\">Aufruf\(translation("Now calling", english))</h2>")
        writer.open("<ol class=\"call-list\" id=\"call-list\">")
        for call in calls {
            let state = call.isWaitingForCitizen ? "is-called" : "is-serving"
            writer.open(
                "<li class=\"call \(state)\" data-ticket=\"\(HTML.escape(call.ticket))\" data-recalls=\"\(call.recalls)\" "
                    + "data-counter=\"\(HTML.escape(call.counter))\" data-called-at=\"\(HTML.escape(call.calledAt))\">"
            )
            writer.line("<span class=\"call-number\">\(HTML.escape(call.number))</span>")
            writer.line("<span class=\"call-arrow\" aria-hidden=\"true\">→</span>")
            writer.line("<span class=\"call-counter\">\(HTML.escape(call.counterName))</span>")
            let cue = call.isWaitingForCitizen ? WaitText.callCue(recalls: call.recalls) : ""
            writer.line("<span class=\"call-cue\">\(HTML.escape(cue))</span>")
            writer.close("</li>")
        }
        writer.close("</ol>")
        let hidden = calls.isEmpty ? "" : " hidden"
        writer.line(
            "<p class=\"calls-empty\" id=\"calls-empty\"\(hidden)>Bitte warten Sie auf Ihren Aufruf."
                + translation("Please wait for your number.", english) + "</p>"
        )
        writer.close("</section>")
    }

    private static func recent(_ calls: [BoardCall], english: Bool, into writer: inout HTMLWriter) {
        writer.open("<section class=\"recent\" aria-labelledby=\"recent-heading\">")
        writer.line(
            "<h2 class=\"board-heading\" id=\"recent-heading\">Zuletzt aufgerufen"
                + translation("Recently called", english) + "</h2>"
        )
        writer.open("<ol class=\"recent-list\" id=\"recent-list\">")
        for call in calls {
            writer.open("<li class=\"recent-call\">")
            writer.line("<span class=\"recent-number\">\(HTML.escape(call.number))</span>")
            writer.line("<span class=\"recent-arrow\" aria-hidden=\"true\">→</span>")
            writer.line("<span class=\"recent-counter\">\(HTML.escape(call.counterName))</span>")
            writer.close("</li>")
        }
        writer.close("</ol>")
        writer.close("</section>")
    }

    private static func groups(_ groups: [BoardGroup], english: Bool, into writer: inout HTMLWriter) {
        writer.open("<section class=\"groups\" aria-labelledby=\"groups-heading\">")
        writer.line(
            "<h2 class=\"board-heading\" id=\"groups-heading\">Wartezeiten" + translation("Waiting times", english)
                + "</h2>"
        )
        writer.open("<ul class=\"group-list\" id=\"group-list\">")
        for group in groups {
            writer.open("<li class=\"group\" data-group=\"\(HTML.escape(group.letter))\">")
            writer.line("<span class=\"group-letter\">\(HTML.escape(group.letter))</span>")
            writer.line("<span class=\"group-name\">\(HTML.escape(group.name))</span>")
            writer.line("<span class=\"group-waiting\">\(WaitText.waiting(group.waiting))</span>")
            let wait = group.waiting > 0 ? WaitText.estimate(minutes: group.estimatedWaitMinutes) : ""
            writer.line("<span class=\"group-wait\">\(HTML.escape(wait))</span>")
            writer.close("</li>")
        }
        writer.close("</ul>")
        writer.close("</section>")
    }

    private static func footer(_ snapshot: BoardSnapshot, english: Bool, into writer: inout HTMLWriter) {
        writer.line(
            "<p class=\"connection\" id=\"connection\" role=\"status\" hidden>Verbindung wird wiederhergestellt …</p>")
        guard snapshot.sound else { return }
        writer.open("<div class=\"sound-unlock\" id=\"sound-unlock\" hidden>")
        writer.line(
            "<button type=\"button\" class=\"sound-unlock-button\" id=\"sound-unlock-button\">Ton einschalten"
                + translation("Turn sound on", english) + "</button>"
        )
        writer.line("<p class=\"sound-unlock-note\">Der Browser spielt Töne erst nach einem Klick ab.</p>")
        writer.close("</div>")
    }

    /// Markup the script clones for calls that arrive later, so its output matches the server's.
    private static func templates(into writer: inout HTMLWriter) {
        writer.open("<template id=\"call-template\">")
        writer.open("<li class=\"call\">")
        writer.line("<span class=\"call-number\"></span>")
        writer.line("<span class=\"call-arrow\" aria-hidden=\"true\">→</span>")
        writer.line("<span class=\"call-counter\"></span>")
        writer.line("<span class=\"call-cue\"></span>")
        writer.close("</li>")
        writer.close("</template>")
        writer.open("<template id=\"recent-template\">")
        writer.open("<li class=\"recent-call\">")
        writer.line("<span class=\"recent-number\"></span>")
        writer.line("<span class=\"recent-arrow\" aria-hidden=\"true\">→</span>")
        writer.line("<span class=\"recent-counter\"></span>")
        writer.close("</li>")
        writer.close("</template>")
        writer.open("<template id=\"group-template\">")
        writer.open("<li class=\"group\">")
        writer.line("<span class=\"group-letter\"></span>")
        writer.line("<span class=\"group-name\"></span>")
        writer.line("<span class=\"group-waiting\"></span>")
        writer.line("<span class=\"group-wait\"></span>")
        writer.close("</li>")
        writer.close("</template>")
    }

    /// An English subtitle for a heading when the office shows English too.
    private static func translation(_ english: String, _ enabled: Bool) -> String {
        enabled ? " <span class=\"translation\" lang=\"en\">\(HTML.escape(english))</span>" : ""
    }
}
