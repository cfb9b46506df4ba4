import Foundation
import HTTPServer
import Mail
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Properties of the outbox over random sequences of bookings, moves and cancellations through
/// the API, with the sender delivering to a real relay after each change, and the header
/// injection a contact's fields could try.
@Suite(.enabled(if: SMTPTestServer.isAvailable, "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)"))
struct OutboxPropertyTests {
    /// What one run did to each booking, by reference.
    struct Expected {
        var moves = 0
        var cancelled = false
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func exactlyOneConfirmationPerBookingAndOneNoticePerChange(seed: UInt64) throws {
        let relay = try SMTPTestServer(["--pipelining"])
        var settings = MailFixtures.smtp(port: relay.port)
        settings.reminderHours = 0
        let api = try APIHarness(mail: settings)
        let staff = try api.staffToken(.hotline)
        var random = SeededGenerator(seed: seed)
        var bookings: [(id: String, token: String, reference: String)] = []
        var expected: [String: Expected] = [:]
        let starts = try Self.starts(api)
        var free = starts
        for _ in 0..<24 {
            let roll = random.next() % 10
            if roll < 5 || bookings.isEmpty, !free.isEmpty {
                let start = free.remove(at: Int(random.next() % UInt64(free.count)))
                let answer = api.bookForMail(start, email: "p\(random.next() % 1000)@example.org", persons: 1)
                guard answer.status == 201, let id = answer.json["id"] as? String,
                    let token = answer.json["token"] as? String, let reference = answer.json["reference"] as? String
                else { continue }
                bookings.append((id, token, reference))
                expected[reference] = Expected()
            } else if let booking = bookings.randomElement(using: &random),
                expected[booking.reference]?.cancelled == false
            {
                let byStaff = random.next() % 2 == 0
                let authority = byStaff ? [api.bearer(staff)] : []
                let query = byStaff ? "" : "?token=\(booking.token)"
                if roll < 8, !free.isEmpty {
                    let start = free[Int(random.next() % UInt64(free.count))]
                    let answer = api.send(
                        .post, "/v1/bookings/\(booking.id)/reschedule\(query)", headers: authority,
                        json: #"{"start":"\#(start)"}"#)
                    if answer.status == 200 {
                        free.removeAll { $0 == start }
                        expected[booking.reference]?.moves += 1
                    }
                } else if api.send(.delete, "/v1/bookings/\(booking.id)\(query)", headers: authority).status == 200 {
                    expected[booking.reference]?.cancelled = true
                }
            }
            _ = try api.sender.deliverDue()
        }
        let mails = try relay.parsed()
        #expect(mails.allSatisfy { $0.defects.isEmpty })
        #expect(Set(mails.compactMap { $0.value("Message-ID") }).count == mails.count, "no duplicate")
        for (reference, wanted) in expected {
            let subjects = mails.compactMap { $0.value("Subject") }.filter { $0.contains(reference) }
            #expect(subjects.filter { $0.hasPrefix("Terminbestätigung") }.count == 1, "\(reference)")
            #expect(subjects.filter { $0.contains("ist verschoben") }.count == wanted.moves, "\(reference)")
            #expect(subjects.filter { $0.contains("ist abgesagt") }.count == (wanted.cancelled ? 1 : 0), "\(reference)")
            #expect(subjects.count == 1 + wanted.moves + (wanted.cancelled ? 1 : 0), "\(reference): \(subjects)")
        }
        #expect(expected.count >= 5)
        #expect(expected.values.contains { $0.moves > 0 } && expected.values.contains(where: \.cancelled))
    }

    /// Free online starts of one person's Personalausweis at the Rathaus over the coming days.
    static func starts(_ api: APIHarness) throws -> [String] {
        let answer = api.send(
            .get, "/v1/offices/rathaus/availability?service=personalausweis&persons=1&from=2026-12-08&to=2026-12-18")
        let days = try #require(answer.json["days"] as? [[String: Any]])
        return days.flatMap { ($0["slots"] as? [String]) ?? [] }
    }

    // MARK: Header injection

    /// Values as they stand in the JSON body (escapes written for JSON).
    @Test(arguments: [
        ("name", #"Anna\r\nBcc: evil@example.org"#), ("name", #"Anna\nSubject: Gewonnen"#),
        ("name", #"Anna\u2028Bcc: x@y.de"#), ("email", #"anna@example.org\r\nBcc: evil@example.org"#),
        ("email", #"anna@example.org>, <evil@example.org"#), ("email", #"\"anna\r\n\"@example.org"#),
        ("phone", #"0431 123\r\nBcc: evil@example.org"#),
    ])
    func aContactFieldCannotAddAHeaderThroughTheAPI(field: String, value: String) throws {
        let api = try APIHarness()
        var contact = ["name": "Anna", "email": "anna@example.org"]
        contact[field] = value
        let body = contact.map { #""\#($0.key)":"\#($0.value)""# }.joined(separator: ",")
        let answer = api.send(
            .post, "/v1/bookings",
            json:
                #"{"office":"rathaus","services":["personalausweis"],"start":"\#(try #require(api.freeStart()))","contact":{\#(body)}}"#
        )
        #expect(answer.status == 400)
        #expect(try api.count("booking") == 0)
        #expect(try api.outbox().isEmpty)
    }

    @Test(arguments: ["Anna\r\nBcc: evil@example.org", "Anna\nX-Injected: 1", "Anna\u{2028}Bcc: x@y.de", "Anna\u{0}"])
    func aNameThatGotIntoTheFileAnywayCannotAddAHeader(name: String) throws {
        let api = try APIHarness()
        let office = try #require(api.api.municipality.office("rathaus"))
        let booking = Self.booking(office: office, contact: Contact(name: name, email: "anna@example.org"))
        let message = try api.api.mail.composer.compose(
            Self.entry(booking), Self.context(booking, office: office, api: api), now: api.clock.now)
        let parsed = try PythonEmail.parse(message.content)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.values("Bcc").isEmpty && parsed.values("X-Injected").isEmpty)
        #expect(parsed.addresses("To").map(\.1) == ["anna@example.org"])
        #expect(!parsed.addresses("To").map(\.0).contains { $0.contains("Bcc") })
        #expect(message.recipients.map(\.addressSpec) == ["anna@example.org"])
    }

    @Test(arguments: ["anna@example.org\r\nBcc: evil@example.org", "anna@exa mple.org", "anna@example.org>"])
    func anAddressThatCannotStandInAMessageFailsForGood(email: String) throws {
        let api = try APIHarness()
        let office = try #require(api.api.municipality.office("rathaus"))
        let booking = Self.booking(office: office, contact: Contact(name: "Anna", email: email))
        #expect(throws: MessageComposer.Failure.address) {
            try api.api.mail.composer.compose(
                Self.entry(booking), Self.context(booking, office: office, api: api), now: api.clock.now)
        }
    }

    static func booking(office: Office, contact: Contact) -> Booking {
        let start = Fixtures.instant("2026-12-08T09:00")
        return Booking(
            id: "rathaus.injection", reference: "K7M-4PQ", office: office.id, counter: "1",
            services: ["personalausweis"], persons: 1, start: start, end: start.adding(minutes: 20), channel: .online,
            contact: contact, status: .booked, createdAt: start, updatedAt: start, sequence: 0,
            placement: Placement(date: Fixtures.date("2026-12-08"), counterIndex: 0, units: 0..<4))
    }

    static func entry(_ booking: Booking) -> OutboxMessage {
        OutboxMessage(
            id: 1,
            intent: MessageIntent(
                kind: .confirmation, booking: booking.id, office: booking.office, sequence: 0, language: .german,
                notBefore: booking.createdAt), createdAt: booking.createdAt, nextAttemptAt: booking.createdAt)
    }

    static func context(_ booking: Booking, office: Office, api: APIHarness) -> MessageComposer.Context {
        MessageComposer.Context(
            booking: booking, office: office, services: api.api.municipality.services, town: "Musterstadt",
            token: "token", confirmationCode: nil, baseURL: "http://127.0.0.1:8080", publicURL: nil)
    }
}
