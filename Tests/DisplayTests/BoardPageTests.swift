import Testing

@testable import Display

@Suite struct BoardPageTests {
    @Test func theBoardMatchesItsGoldenFile() throws {
        try Golden.expect(BoardPage.html(Samples.snapshot()), matches: "board.html")
    }

    @Test func anEmptyBoardWithSoundAndEnglishMatchesItsGoldenFile() throws {
        let snapshot = Samples.snapshot(
            calls: [], recent: [], languages: ["de", "en"], sound: true, timeZone: nil)
        try Golden.expect(BoardPage.html(snapshot), matches: "board-empty-sound-en.html")
    }

    @Test func eachCallShowsItsNumberWithAnArrowToItsCounter() {
        let html = BoardPage.html(Samples.snapshot())
        #expect(html.contains("<span class=\"call-number\">A017</span>"))
        #expect(html.contains("<span class=\"call-arrow\" aria-hidden=\"true\">→</span>"))
        #expect(html.contains("<span class=\"call-counter\">Schalter 4</span>"))
    }

    @Test func callsTheCounterStillWaitsForCarryAWordNotOnlyAColour() {
        let html = BoardPage.html(Samples.snapshot())
        #expect(html.contains("<li class=\"call is-called\" data-ticket=\"rathaus-2026-12-07-A017\""))
        #expect(html.contains("<span class=\"call-cue\">Aufruf</span>"))
        #expect(html.contains("<span class=\"call-cue\">2. Aufruf</span>"))
        #expect(html.contains("<li class=\"call is-serving\" data-ticket=\"rathaus-2026-12-07-A015\""))
    }

    @Test func theBodyCarriesWhatTheScriptNeeds() {
        let html = BoardPage.html(Samples.snapshot(languages: ["de", "en"], sound: true))
        #expect(
            html.contains(
                "<body class=\"display\" data-office=\"rathaus\" data-sequence=\"42\" data-languages=\"de en\" "
                    + "data-sound=\"on\" data-time-zone=\"Europe/Berlin\" data-server-time=\"1796632860000\" "
                    + "data-board-url=\"/v1/offices/rathaus/queue\" "
                    + "data-events-url=\"/v1/offices/rathaus/queue/events\">"))
        #expect(html.contains("id=\"sound-unlock-button\""))
        #expect(!BoardPage.html(Samples.snapshot(sound: false)).contains("sound-unlock"))
    }

    @Test func atMostSixEarlierCallsAreShown() {
        let recent = (1...9).map { Samples.call(format2("A", $0), state: "done") }
        let html = BoardPage.html(Samples.snapshot(recent: recent))
        #expect(html.ranges(of: "<span class=\"recent-number\">A").count == 6)
        #expect(html.contains(">A001<"))
        #expect(!html.contains(">A007<"))
    }

    @Test func groupsShowTheirWaitingCountAndEstimate() {
        let html = BoardPage.html(Samples.snapshot())
        #expect(html.contains("<span class=\"group-waiting\">3 wartend</span>"))
        #expect(html.contains("<span class=\"group-wait\">ca. 25 Min.</span>"))
        #expect(html.contains("<span class=\"group-wait\">ca. 80 Min.</span>"))
        // Nobody waits in C: no estimate.
        #expect(html.contains(/<span class="group-waiting">0 wartend<\/span>\s+<span class="group-wait"><\/span>/))
    }

    @Test func theEmptyNoteIsHiddenWhileThereAreCalls() {
        #expect(BoardPage.html(Samples.snapshot()).contains("id=\"calls-empty\" hidden>"))
        #expect(BoardPage.html(Samples.snapshot(calls: [])).contains("id=\"calls-empty\">Bitte warten"))
    }

    @Test func everyValueIsEscaped() {
        let hostile = Samples.hostile
        let snapshot = BoardSnapshot(
            officeID: "rat haus/\(hostile)", officeName: hostile, date: hostile, time: hostile,
            calls: [
                BoardCall(
                    ticket: hostile, number: hostile, counter: hostile, counterName: hostile, calledAt: hostile)
            ],
            recent: [BoardCall(ticket: hostile, number: hostile, counter: hostile, counterName: hostile, calledAt: "")],
            groups: [BoardGroup(letter: hostile, name: hostile, waiting: 1, estimatedWaitMinutes: 5)],
            sequence: 1, languages: [hostile], sound: true, timeZone: hostile)
        let html = BoardPage.html(snapshot)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("\"x\""))
        #expect(html.ranges(of: "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;").count >= 10)
        #expect(html.contains("data-board-url=\"/v1/offices/rat%20haus%2F%3Cscript%3E"))
    }

    private func format2(_ letter: String, _ number: Int) -> String {
        letter + (number < 10 ? "00" : "0") + String(number)
    }
}
