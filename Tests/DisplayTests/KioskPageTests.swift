import Testing

@testable import Display

@Suite struct KioskPageTests {
    @Test func theKioskMatchesItsGoldenFile() throws {
        try Golden.expect(Samples.kioskPage(), matches: "kiosk.html")
    }

    @Test func eachGroupWithServicesGetsAButtonAndAScreen() {
        let html = Samples.kioskPage()
        for letter in ["A", "B", "C"] {
            #expect(html.contains("data-group=\"\(letter)\""))
            #expect(html.contains("data-screen=\"group-\(letter)\""))
        }
        // Schutzimpfung has no walk-in service.
        #expect(!html.contains("data-group=\"I\""))
        #expect(
            html.contains(
                "<button type=\"button\" class=\"choice service-choice\" data-service=\"reisepass\" "
                    + "data-service-name=\"Reisepass beantragen\">"))
    }

    @Test func theKeypadOffersTheReferenceAlphabet() {
        let html = Samples.kioskPage()
        for character in KioskPage.defaultReferenceAlphabet {
            #expect(html.contains("data-key=\"\(character)\">\(character)</button>"))
        }
        #expect(!html.contains("data-key=\"O\""))
        #expect(html.contains("data-alphabet=\"ACDEFGHJKMNPQRTUVWXY34679\""))
    }

    @Test func theScriptFindsTheAPIAndTheTokenKeyOnTheBody() {
        #expect(
            Samples.kioskPage().contains(
                "<body class=\"kiosk\" data-office=\"rathaus\" data-token-key=\"rathaus:kiosk:rathaus\" "
                    + "data-tickets-url=\"/v1/offices/rathaus/tickets\" data-check-in-url=\"/v1/offices/rathaus/check-in\" "
                    + "data-board-url=\"/v1/offices/rathaus/queue\""))
    }

    @Test func everyValueIsEscaped() {
        let hostile = Samples.hostile
        let html = KioskPage.html(
            officeID: hostile, officeName: hostile,
            groups: [KioskGroup(letter: hostile, name: hostile, services: [ServiceOption(id: hostile, name: hostile)])],
            referenceAlphabet: "<\"")
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("data-key=\"&lt;\">&lt;</button>"))
        #expect(html.contains("data-key=\"&quot;\">&quot;</button>"))
        #expect(html.ranges(of: "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;").count >= 8)
    }
}
