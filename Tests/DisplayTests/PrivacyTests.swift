import Testing

@testable import Display

/// The hall never sees a name, an e-mail address or a phone number: the display's, the ticket's
/// and the ticket page's input types have no field that could carry one.
@Suite struct PrivacyTests {
    private let personal = [
        "email", "mail", "phone", "telefon", "contact", "firstname", "lastname", "surname",
        "citizen", "person", "birth", "address",
    ]

    private func labels(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    @Test func boardTicketAndTicketPageTypesHaveNoFieldForPersonalData() {
        let snapshot = Samples.snapshot()
        let fields =
            labels(snapshot) + labels(Samples.call()) + labels(Samples.groups()[0]) + labels(Samples.slip())
            + labels(SlipDocument(name: "x"))
            + labels(TicketView(officeName: "x", number: "A017", status: .waiting, issuedAt: "", nowMinute: 0, day: ""))
        #expect(fields.count == 12 + 7 + 4 + 11 + 4 + 15)
        for field in fields {
            for word in personal {
                #expect(!field.lowercased().contains(word), "\(field)")
            }
        }
    }

    @Test func theTicketPageScriptReadsOnlyWhatTheServerWorded() throws {
        let script = String(decoding: try #require(Assets.file(named: "mobile-ticket.js")).body, as: UTF8.self)
        let read = Set(script.matches(of: #/data\.([a-zA-Z]+)/#).map { String($0.output.1) })
        #expect(
            read == [
                "call", "number", "headline", "detail", "notification", "status", "ahead", "wait", "asOf", "showFacts",
                "title", "isCall", "final",
            ], "\(read)")
    }

    @Test func theDisplayScriptRendersOnlyNumbersCountersAndGroups() throws {
        let script = String(decoding: try #require(Assets.file(named: "display.js")).body, as: UTF8.self)
        let read = Set(script.matches(of: #/(?:call|group|board)\.([a-zA-Z]+)/#).map { String($0.output.1) })
        #expect(
            read.isSubset(of: [
                "ticket", "number", "counter", "counterName", "calledAt", "recalls", "state", "letter", "name",
                "waiting", "estimatedWaitMinutes", "calls", "recent", "groups", "sequence", "date", "time",
            ]), "\(read)")
    }
}
