import Scheduling
import Testing

@testable import App

/// The console's German words for the decoder's and the desk's own messages: each problem a
/// manager can make in the console is reworded (none falls back to the English message), and
/// places and changes read as the form names them.
@Suite struct ConfigurationWordingTests {
    static let document = APIHarness.demoDocument?.root ?? .null

    /// The decoder's error for the demo document with office `rathaus` changed by `change`.
    static func error(_ change: (JSONValue) -> JSONValue) throws -> JSONPathError {
        let document = try #require(APIHarness.demoDocument)
        let changed = try #require(document.changingOffice("rathaus") { change($0) })
        do {
            _ = try changed.municipality()
        } catch {
            return error
        }
        Issue.record("the change was accepted")
        return JSONPathError(path: "", message: "")
    }

    static func rule(_ days: [String], _ from: String, _ to: String) -> JSONValue {
        .object([("days", .array(days.map { .string($0) })), ("from", .string(from)), ("to", .string(to))])
    }

    @Test(arguments: [
        (
            "overlap",
            "Überschneidet sich montags von 11:00 bis 12:00 Uhr mit „Bürgerbüro im Rathaus, Öffnungszeiten, Regel 1“"
        ),
        ("order", "Das Ende muss nach dem Beginn (12:00 Uhr) liegen."),
        ("time", "„25:00“ ist keine Uhrzeit."),
        ("days", "Bitte mindestens einen Wochentag wählen."),
        ("date", "„2026-02-30“ ist kein gültiges Datum."),
        ("counter", "Den Schalter „99“ gibt es nicht (mehr)."),
        ("skills", "Die Dienstleistung „gibtsnicht“ gibt es nicht (mehr)."),
        ("until", "„gültig bis“ liegt vor „gültig ab“."),
    ])
    func everyMistakeOfTheFormIsReworded(kind: String, expected: String) throws {
        let error: JSONPathError
        switch kind {
        case "overlap":
            error = try Self.error {
                $0.setting(
                    "openingHours",
                    to: .array([Self.rule(["mon"], "08:00", "12:00"), Self.rule(["mon"], "11:00", "14:00")]))
            }
        case "order":
            error = try Self.error { $0.setting("openingHours", to: .array([Self.rule(["mon"], "12:00", "08:00")])) }
        case "time":
            error = try Self.error { $0.setting("openingHours", to: .array([Self.rule(["mon"], "08:00", "25:00")])) }
        case "days":
            error = try Self.error { $0.setting("openingHours", to: .array([Self.rule([], "08:00", "12:00")])) }
        case "date":
            error = try Self.error {
                $0.setting("closures", to: .array([.object([("date", .string("2026-02-30"))])]))
            }
        case "counter":
            error = try Self.error {
                $0.setting(
                    "closures",
                    to: .array([.object([("date", .string("2026-12-10")), ("counters", .array([.string("99")]))])]))
            }
        case "skills":
            error = try Self.error { office in
                var counters = office["counters"]?.items ?? []
                counters[0] = counters[0].setting("skills", to: .array([.string("gibtsnicht")]))
                return office.setting("counters", to: .array(counters))
            }
        default:
            error = try Self.error {
                $0.setting(
                    "openingHours",
                    to: .array([
                        Self.rule(["mon"], "08:00", "12:00").setting("validFrom", to: .string("2027-01-10"))
                            .setting("validUntil", to: .string("2027-01-01"))
                    ]))
            }
        }
        let text = ConfigurationWording.problem(error.message, path: error.path, in: Self.document)
        #expect(text.contains(expected), "\(error) → \(text)")
        #expect(!text.hasPrefix("Bitte prüfen:"))
    }

    @Test func placesAreNamedAsTheFormShowsThem() {
        #expect(
            ConfigurationWording.place("offices[0].openingHours[1].to", in: Self.document)
                == "Bürgerbüro im Rathaus, Öffnungszeiten, Regel 2, bis")
        #expect(
            ConfigurationWording.place("offices[rathaus].counters[3].skills", in: Self.document, ids: true)
                == "Bürgerbüro im Rathaus, Schalter 3, Dienstleistungen")
        #expect(
            ConfigurationWording.place("offices[0].closures[0]", in: Self.document)
                == "Bürgerbüro im Rathaus, Schließung am Mi 17.03.2027")
        #expect(
            ConfigurationWording.place("services[0].documents[2].condition", in: Self.document)
                == "Dienstleistung „Personalausweis beantragen“, Unterlage 3, nur wenn")
    }

    @Test func changesAreWordedAsClosuresRulesAndValues() throws {
        let after = try #require(
            APIHarness.demoDocument?.changingOffice("rathaus") { office in
                var rules = office["openingHours"]?.items ?? []
                rules.append(
                    Self.rule(["sat"], "09:00", "12:00").setting("validFrom", to: .string("2026-12-12"))
                        .setting("validUntil", to: .string("2026-12-12")))
                var counters = office["counters"]?.items ?? []
                counters[0] = counters[0].setting("openTo", to: .string("hotline"))
                return office.setting("openingHours", to: .array(rules)).setting("counters", to: .array(counters))
                    .setting(
                        "closures",
                        to: .array(
                            (office["closures"]?.items ?? []) + [
                                .object([
                                    ("date", .string("2026-12-08")), ("from", .string("13:00")),
                                    ("reason", .string("Streik")),
                                ])
                            ]))
            })
        let lines = ConfigurationWording.changes(from: Self.document, to: after.root)
        #expect(lines.contains("Bürgerbüro im Rathaus, Öffnungszeiten: neu – Sa 12.12.2026 09:00–12:00"))
        #expect(
            lines.contains("Bürgerbüro im Rathaus, Schalter 1, geöffnet für: online buchbar → für Hotline und Schalter")
        )
        #expect(lines.contains("Bürgerbüro im Rathaus, Schließungen: neu – Di 08.12.2026 ab 13:00: Streik"))
        #expect(lines.count == 3)
    }
}
