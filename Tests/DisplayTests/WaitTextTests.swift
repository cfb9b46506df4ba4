import Testing

@testable import Display

@Suite struct WaitTextTests {
    @Test(arguments: [
        (-5, "keine Wartezeit"), (0, "keine Wartezeit"), (1, "ca. 1 Min."), (59, "ca. 59 Min."), (60, "ca. 60 Min."),
        (72, "ca. 70 Min."), (73, "ca. 75 Min."), (119, "ca. 120 Min."), (120, "ca. 2 Std."), (149, "ca. 2 Std."),
        (150, "ca. 3 Std."),
    ])
    func estimatesAreWordedInMinutesThenHours(minutes: Int, expected: String) {
        #expect(WaitText.estimate(minutes: minutes) == expected)
    }

    @Test func ticketsAheadAreCountedInWords() {
        #expect(WaitText.ahead(0) == "keine")
        #expect(WaitText.ahead(1) == "1 Wartemarke")
        #expect(WaitText.ahead(12) == "12 Wartemarken")
    }

    @Test func recallsNumberTheCue() {
        #expect(WaitText.callCue(recalls: 0) == "Aufruf")
        #expect(WaitText.callCue(recalls: 2) == "3. Aufruf")
    }

    @Test func theScriptsWordEstimatesTheSameWay() throws {
        // display.js and common.js carry a copy of `estimate(minutes:)`; keep them in step.
        for name in ["display.js", "common.js"] {
            let script = String(decoding: try #require(Assets.file(named: name)).body, as: UTF8.self)
            #expect(script.contains("if (!(minutes > 0)) return 'keine Wartezeit';"))
            #expect(script.contains("if (minutes < 60) return `ca. ${minutes} Min.`;"))
            #expect(
                script.contains(
                    "if (minutes < 120) return `ca. ${Math.min(120, Math.floor((minutes + 2) / 5) * 5)} Min.`;"))
            #expect(script.contains("return `ca. ${Math.floor((minutes + 30) / 60)} Std.`;"))
        }
    }
}
