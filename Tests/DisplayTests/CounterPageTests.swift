import Testing

@testable import Display

@Suite struct CounterPageTests {
    @Test func theCounterPageMatchesItsGoldenFile() throws {
        try Golden.expect(Samples.counterPage(), matches: "counter.html")
    }

    @Test func everyActionHasAButtonWithItsShortcutDocumentedOnThePage() {
        let html = Samples.counterPage()
        let actions = [
            "next": "N", "recall": "R", "start": "B", "finish": "F", "no-show": "X", "park": "P", "transfer": "W",
        ]
        for (action, key) in actions {
            #expect(html.contains("data-action=\"\(action)\" aria-keyshortcuts=\"\(key)\" disabled>"))
            #expect(html.contains("<div><dt><kbd>\(key)</kbd></dt>"))
        }
        #expect(Set(CounterPage.actions.map(\.key)).count == CounterPage.actions.count)
    }

    @Test func theTransferDialogOffersTheServicesAndTheOtherCounters() {
        let html = Samples.counterPage()
        #expect(
            html.contains(
                "<input type=\"checkbox\" name=\"service\" value=\"reisepass\" data-service=\"reisepass\" "
                    + "data-service-name=\"Reisepass beantragen\"> Reisepass beantragen"))
        #expect(html.contains("<option value=\"3\">Schalter 3</option>"))
        #expect(!html.contains("<option value=\"4\">"))
        #expect(!Samples.counterPage(counters: []).contains("transfer-counter"))
    }

    @Test func theScriptFindsTheAPIOnTheBody() {
        let html = Samples.counterPage()
        #expect(html.contains("data-counter-url=\"/v1/offices/rathaus/counters/4\""))
        #expect(html.contains("data-call-next-url=\"/v1/offices/rathaus/counters/4/call-next\""))
        #expect(html.contains("data-tickets-url=\"/v1/tickets\""))
        #expect(html.contains("data-events-url=\"/v1/offices/rathaus/queue/events\""))
        #expect(html.contains("data-csrf=\"\(Samples.formToken)\""))
        #expect(!html.contains("token-panel"), "the counter page is for a signed-in clerk, not a token")
    }

    @Test func everyValueIsEscaped() {
        let hostile = Samples.hostile
        let html = CounterPage.html(
            officeID: hostile, officeName: hostile, counterID: hostile, counterName: hostile,
            services: [ServiceOption(id: hostile, name: hostile)], counters: [CounterOption(id: "9", name: hostile)])
        #expect(!html.contains("<script>alert"))
        #expect(html.ranges(of: "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;").count >= 8)
    }
}
