import RathausTesting
import Testing

@testable import Scheduling

@Suite struct BookingTableTests {
    let office = Fixtures.office(counters: [Fixtures.counter("1"), Fixtures.counter("2")])
    let monday = Fixtures.date("2026-12-07")

    func booking(
        _ id: BookingID = "b1", reference: String = "R1", office: OfficeID = "rathaus", counter: CounterID = "1",
        counterIndex: Int = 0, services: [ServiceID] = ["pass"], persons: Int = 1, start: String = "2026-12-07T09:00",
        seconds: Int = 900, channel: Channel = .online, contact: Contact = Fixtures.contact(),
        status: Booking.Status = .booked, createdAt: Instant = Fixtures.instant("2026-12-01T10:00"),
        updatedAfter: Int = 0, sequence: Int = 0, date: LocalDate? = nil, units: Range<Int> = 12..<15
    ) -> Booking {
        Booking(
            id: id, reference: reference, office: office, counter: counter, services: services, persons: persons,
            start: Fixtures.instant(start), end: Fixtures.instant(start).adding(seconds: seconds), channel: channel,
            contact: contact, status: status, createdAt: createdAt, updatedAt: createdAt.adding(seconds: updatedAfter),
            sequence: sequence, placement: Placement(date: date ?? monday, counterIndex: counterIndex, units: units))
    }

    /// Equal as values and byte for byte in every string (`==` on strings is canonical equivalence).
    func expectSame(_ read: Booking?, _ stored: Booking, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(read == stored, sourceLocation: sourceLocation)
        guard let read else { return }
        let pairs: [(String?, String?)] = [
            (read.id.rawValue, stored.id.rawValue), (read.reference, stored.reference),
            (read.contact.name, stored.contact.name), (read.contact.email, stored.contact.email),
            (read.contact.phone, stored.contact.phone),
        ]
        for (a, b) in pairs {
            #expect(a.map { Array($0.utf8) } == b.map { Array($0.utf8) }, sourceLocation: sourceLocation)
        }
    }

    static let contacts: [Contact] = [
        Contact(name: "Erika Mustermann", email: "erika@example.org"),
        Contact(name: "Ohne Kontakt"),
        Contact(name: "Anrufer", phone: "0431 123456"),
        Contact(name: "Beides", email: "  Beides@Example.ORG ", phone: "+49 431 1"),
        Contact(name: "Zoë Ünal 😀 محمد 日本", email: "zoë@bücher.example", phone: "٠١٢"),
        Contact(name: "", email: "", phone: ""),
        Contact(name: "", email: "", phone: "+49 (0) 431-99"),
        Contact(name: "e\u{301}", email: "E\u{301}@x.de"),
        Contact(name: "e", email: "\u{301}x@y.de", phone: "\u{301}1"),  // parts that join into one character
        Contact(name: "short", email: "a@b.c"),
        Contact(name: "Bürgerin Nummer 123456", email: "buergerin.123456@beispiel-kommune.de"),
        Contact(name: String(repeating: "x", count: 70_000), email: "long@example.org"),
        Contact(name: "Lange Adresse", email: String(repeating: "y", count: 70_000)),
    ]

    @Test(arguments: contacts)
    func everyContactReadsBackAsStored(contact: Contact) {
        var table = BookingTable(office: office)
        let stored = booking(contact: contact)
        table.add(stored)
        expectSame(table["b1"], stored)
        expectSame(table.booking(reference: "R1"), stored)
        #expect(table.values.map(\.contact) == [contact])
    }

    @Test(arguments: [
        "b1", "", "rathaus.AAAAAAAAAAAAAAAAAAAAAA", "rathaus.zzzzzzzzzzzzzzzzzzzzzw", "rathaus.fill123456",
        "rathaus.AAAAAAAAAAAAAAAAAAAAAB", "a-booking-id-of-another-kind-and-length", "Bürger-1", "other.b1",
        "other.AAAAAAAAAAAAAAAAAAAAAA",
    ])
    func everyKindOfIdReadsBackAsStored(id: String) {
        var table = BookingTable(office: office)
        let stored = booking(BookingID(id))
        table.add(stored)
        expectSame(table[BookingID(id)], stored)
        #expect(table.contains(BookingID(id)))
        #expect(!table.contains(BookingID(id + "x")))
        #expect(table.values.map(\.id) == [BookingID(id)])
    }

    @Test func everyFieldReadsBackAsStored() {
        var table = BookingTable(office: office)
        let stored = [
            booking(
                "b1", reference: "K7M-4PQ", counter: "2", counterIndex: 1, services: ["pass", "other"], persons: 4,
                start: "2026-12-08T11:30", seconds: 3600, channel: .hotline, status: .cancelled, updatedAfter: 86_400,
                sequence: 7, date: monday.adding(days: 1), units: 42..<54),
            booking("b2", reference: "R2", channel: .counter, updatedAfter: -5),
            booking("b3", reference: "R3", services: ["other", "pass"], channel: .kiosk),
            booking("b4", reference: "a reference longer than fifteen bytes", units: 0..<0),
        ]
        for booking in stored { table.add(booking) }
        for booking in stored {
            expectSame(table[booking.id], booking)
            expectSame(table.booking(reference: booking.reference), booking)
        }
        #expect(table.count == 4)
        #expect(table.values.sorted { $0.id < $1.id } == stored)
    }

    /// Values a compact record cannot hold: the booking is kept whole and reads back the same.
    @Test(arguments: 0..<10)
    func bookingsThatDoNotFitARecordReadBackAsStored(variant: Int) {
        let unusual = [
            booking(office: "elsewhere"),
            booking(counter: "9"),
            booking(counter: "1", counterIndex: 5),
            booking(persons: 256),
            booking(persons: -1),
            booking(sequence: Int.max),
            booking(units: -1..<3),
            booking(date: LocalDate(dayNumber: Int(Int32.max) + 1)),
            booking(seconds: Int(Int32.max) + 1),
            booking(updatedAfter: Int(Int32.min) - 1),
        ][variant]
        var table = BookingTable(office: office)
        table.add(unusual)
        table.add(booking("b2", reference: "R2", contact: Fixtures.contact(email: "other@example.org")))
        expectSame(table["b1"], unusual)
        expectSame(table.booking(reference: "R1"), unusual)
        #expect(
            table.activeCount(
                of: "mail:erika@example.org", service: "pass", at: Fixtures.instant("2026-12-01T10:00"), excluding: nil)
                == 1)
        var cancelled = unusual
        cancelled.status = .cancelled
        table.replace(cancelled)
        expectSame(table["b1"], cancelled)
        #expect(
            table.activeCount(
                of: "mail:erika@example.org", service: "pass", at: Fixtures.instant("2026-12-01T10:00"), excluding: nil)
                == 0)
        #expect(table.count == 2)
    }

    @Test func aCounterBeyondTheSixtyFourthIsKeptWhole() {
        let office = Fixtures.office(counters: (1...70).map { Fixtures.counter(CounterID("\($0)")) })
        var table = BookingTable(office: office)
        let stored = [63, 64, 69].map { index in
            booking(
                BookingID("b\(index)"), reference: "R\(index)", counter: CounterID("\(index + 1)"), counterIndex: index)
        }
        for booking in stored { table.add(booking) }
        for booking in stored { expectSame(table[booking.id], booking) }
    }

    @Test func aContactsChainKeepsEveryBookingThroughRemovalsAndChanges() {
        var table = BookingTable(office: office)
        let now = Fixtures.instant("2026-12-01T10:00")
        let key = "mail:erika@example.org"
        for number in 0..<8 {
            table.add(booking(BookingID("b\(number)"), reference: "R\(number)", date: monday.adding(days: number % 2)))
        }
        #expect(table.activeCount(of: key, service: "pass", at: now, excluding: nil) == 8)
        table.removeAll(before: monday.adding(days: 1))  // b0, b2, b4, b6: the first, middle ones
        #expect(table.activeCount(of: key, service: "pass", at: now, excluding: nil) == 4)
        for id in ["b1", "b7"] as [BookingID] {
            var moved = table[id]!
            moved.contact = Contact(name: "Max", email: "max@example.org")
            table.replace(moved)
        }
        #expect(table.activeCount(of: key, service: "pass", at: now, excluding: nil) == 2)
        #expect(table.activeCount(of: "mail:max@example.org", service: "pass", at: now, excluding: nil) == 2)
        var cancelled = table["b3"]!
        cancelled.status = .cancelled
        table.replace(cancelled)
        #expect(table.activeCount(of: key, service: "pass", at: now, excluding: nil) == 1)
        #expect(table.activeCount(of: key, service: "pass", at: now, excluding: "b5") == 0)
        table.removeAll(before: monday.adding(days: 2))
        #expect(table.activeCount(of: "mail:max@example.org", service: "pass", at: now, excluding: nil) == 0)
        table.add(booking("b9", reference: "R9"))
        #expect(table.activeCount(of: key, service: "pass", at: now, excluding: nil) == 1)
    }

    @Test func anIdSpelledDifferentlyButEqualAsAStringIsFound() {
        // U+212A KELVIN SIGN is canonically equivalent to "K": equal strings, as a dictionary keyed
        // by the id would treat them.
        var table = BookingTable(office: office)
        table.add(booking("K1"))
        #expect(table["\u{212A}1"]?.id == "K1")
        var other = BookingTable(office: office)
        other.add(booking("\u{212A}1"))
        #expect(other["K1"] != nil)
    }

    @Test func theLastBookingStoredWithAReferenceIsFoundByIt() {
        var table = BookingTable(office: office)
        let first = booking("b1", reference: "R")
        table.add(first)
        table.add(booking("b2", reference: "R", start: "2026-12-07T10:00"))
        #expect(table.booking(reference: "R")?.id == "b2")
        var moved = first
        moved.sequence += 1
        table.replace(moved)  // replacing stores it again
        #expect(table.booking(reference: "R")?.id == "b1")
        var renamed = moved
        renamed.reference = "S"
        table.replace(renamed)
        #expect(table.booking(reference: "S")?.id == "b1")
        #expect(table.booking(reference: "R") == nil)
        #expect(table.contains(reference: "S"))
    }

    @Test func activeBookingsAreCountedByContactKeyAndService() {
        var table = BookingTable(office: office)
        let now = Fixtures.instant("2026-12-07T09:10")
        let erika = Contact(name: "Erika", email: "Erika@Example.org")
        table.add(booking("b1", reference: "R1", contact: erika))
        table.add(booking("b2", reference: "R2", start: "2026-12-07T10:00", contact: erika))
        table.add(booking("b3", reference: "R3", services: ["other"], contact: erika))
        table.add(booking("b4", reference: "R4", start: "2026-12-07T08:00", contact: erika))  // over at 09:10
        table.add(booking("b5", reference: "R5", contact: Contact(name: "Erika", email: "erika@example.org ")))
        table.add(booking("b6", reference: "R6", contact: Contact(name: "Max", email: "max@example.org")))
        table.add(booking("b7", reference: "R7", contact: Contact(name: "Anrufer", phone: "0049 431 1")))
        table.add(booking("b8", reference: "R8", contact: Contact(name: "Anrufer", phone: "+49-431-1")))
        table.add(booking("b9", reference: "R9", contact: Contact(name: "Niemand")))
        #expect(table.activeCount(of: "mail:erika@example.org", service: "pass", at: now, excluding: nil) == 3)
        #expect(table.activeCount(of: "mail:erika@example.org", service: "pass", at: now, excluding: "b2") == 2)
        #expect(table.activeCount(of: "mail:erika@example.org", service: "other", at: now, excluding: nil) == 1)
        #expect(table.activeCount(of: "tel:+494311", service: "pass", at: now, excluding: nil) == 2)
        #expect(table.activeCount(of: "mail:nobody@example.org", service: "pass", at: now, excluding: nil) == 0)
        var cancelled = table["b1"]!
        cancelled.status = .cancelled
        table.replace(cancelled)
        #expect(table.activeCount(of: "mail:erika@example.org", service: "pass", at: now, excluding: nil) == 2)
        var changed = table["b2"]!
        changed.contact.email = "max@example.org"
        table.replace(changed)
        #expect(table.activeCount(of: "mail:erika@example.org", service: "pass", at: now, excluding: nil) == 1)
        #expect(table.activeCount(of: "mail:max@example.org", service: "pass", at: now, excluding: nil) == 2)
        expectSame(table["b2"], changed)
    }

    @Test func bookingsOfEarlierDaysAreRemovedAndTheirSlotsUsedAgain() {
        var table = BookingTable(office: office)
        for day in 0..<4 {
            for number in 0..<3 {
                table.add(
                    booking(
                        BookingID("d\(day)-\(number)"), reference: "R\(day)-\(number)",
                        contact: Fixtures.contact(email: "p\(number)@example.org"), date: monday.adding(days: day)))
            }
        }
        table.removeAll(before: monday.adding(days: 2))
        #expect(table.count == 6)
        #expect(table["d1-0"] == nil)
        #expect(table.booking(reference: "R0-1") == nil)
        #expect(table["d2-0"]?.reference == "R2-0")
        let now = Fixtures.instant("2026-12-01T10:00")
        #expect(table.activeCount(of: "mail:p0@example.org", service: "pass", at: now, excluding: nil) == 2)
        #expect(table.bookings(on: monday.adding(days: 3)).count == 3)
        for number in 0..<6 {
            table.add(booking(BookingID("n\(number)"), reference: "N\(number)", date: monday.adding(days: 5)))
        }
        #expect(table.count == 12)
        #expect(table.values.map(\.id).count == 12)
        #expect(table.activeCount(of: "mail:erika@example.org", service: "pass", at: now, excluding: nil) == 6)
    }

    @Test func contactsReadBackAfterTheTextsOfRemovedOnesAreDropped() {
        var table = BookingTable(office: office)
        var stored: [Booking] = []
        for number in 0..<600 {
            stored.append(
                booking(
                    BookingID("b\(number)"), reference: "R\(number)",
                    contact: Contact(name: "Bürgerin Nummer \(number)", email: "buergerin.\(number)@example.org"),
                    date: monday.adding(days: number % 4)))
            table.add(stored[number])
        }
        table.removeAll(before: monday.adding(days: 3))  // three quarters of the texts
        #expect(table.contacts.garbage == 0)
        for booking in stored {
            if booking.placement.date < monday.adding(days: 3) {
                #expect(table[booking.id] == nil)
            } else {
                expectSame(table[booking.id], booking)
            }
        }
        for number in stride(from: 3, to: 600, by: 4) {
            var changed = stored[number]
            changed.contact = Contact(name: "Umbenannt \(number)", phone: "0431 \(number)")
            table.replace(changed)  // the old texts become garbage, and are dropped in turn
            stored[number] = changed
        }
        #expect(!table.contacts.needsCompaction)
        for number in stride(from: 3, to: 600, by: 4) { expectSame(table[stored[number].id], stored[number]) }
        #expect(
            table.activeCount(
                of: "tel:0431599", service: "pass", at: Fixtures.instant("2026-12-01T10:00"), excluding: nil) == 1)
    }

    @Test func anEmptiedTableHasNoBookingsButTheSameOffice() {
        var table = BookingTable(office: office)
        table.add(booking())
        var empty = table.emptied
        #expect(empty.isEmpty)
        #expect(empty["b1"] == nil)
        #expect(table["b1"] != nil)
        empty.add(booking("b2", counter: "2", counterIndex: 1))
        expectSame(empty["b2"], booking("b2", counter: "2", counterIndex: 1))
    }

    /// Random adds, replacements and removals against the dictionaries the schedule kept before
    /// (by id, by reference, by contact key).
    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func randomChangesReadLikeDictionaries(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        var table = BookingTable(office: office)
        var byID: [BookingID: Booking] = [:]
        var byReference: [String: BookingID] = [:]
        let now = Fixtures.instant("2026-12-07T07:00")
        let ids: [BookingID] = (0..<40).map { number in
            let digits = number < 10 ? "0\(number)" : "\(number)"
            let forms = [
                "b\(number)", "rathaus.fill\(number)", "rathaus.AAAAAAAAAAAAAAAAAAA\(digits)A",
                "a long id that is kept as a string \(number)",
            ]
            return BookingID(forms[number % forms.count])
        }
        for step in 0..<1500 {
            let action = Int.random(in: 0..<10, using: &random)
            let id = pick(ids)
            if action < 5, byID[id] == nil {
                let stored = booking(
                    id, reference: "R\(Int.random(in: 0..<30, using: &random))",
                    counter: pick(["1", "2"]), counterIndex: 0,
                    services: pick([["pass"], ["other"], ["pass", "other"]]),
                    start: "2026-12-07T09:00", contact: pick(Self.contacts.prefix(10).map { $0 }),
                    status: pick([.booked, .cancelled]),
                    date: monday.adding(days: Int.random(in: 0..<5, using: &random)))
                table.add(stored)
                byID[id] = stored
                byReference[stored.reference] = id
            } else if action < 8, var stored = byID[id] {
                if action == 5 { stored.status = .cancelled }
                if action == 6 { stored.reference = "R\(Int.random(in: 0..<30, using: &random))" }
                if action == 7 { stored.contact = pick(Self.contacts.prefix(10).map { $0 }) }
                stored.sequence += 1
                if byReference[byID[id]?.reference ?? ""] == id { byReference[byID[id]?.reference ?? ""] = nil }
                table.replace(stored)
                byID[id] = stored
                byReference[stored.reference] = id
            } else if action == 9, step % 50 == 0 {
                let cutoff = monday.adding(days: Int.random(in: 0..<3, using: &random))
                table.removeAll(before: cutoff)
                for (id, stored) in byID where stored.placement.date < cutoff {
                    byID[id] = nil
                    if byReference[stored.reference] == id { byReference[stored.reference] = nil }
                }
            }
            #expect(table.count == byID.count)
        }
        for id in ids { expectSame(table[id] ?? booking("missing"), byID[id] ?? booking("missing")) }
        for reference in (0..<30).map({ "R\($0)" }) {
            #expect(table.booking(reference: reference)?.id == byReference[reference])
        }
        for contact in Self.contacts.prefix(10) {
            guard let key = contact.key else { continue }
            for service in ["pass", "other"] as [ServiceID] {
                let expected = byID.values.filter {
                    $0.contact.key == key && $0.isActive && $0.end > now && $0.services.contains(service)
                }.count
                #expect(table.activeCount(of: key, service: service, at: now, excluding: nil) == expected)
            }
        }
    }
}
