import RathausTesting
import Scheduling
import Testing

@testable import Storage

/// What a hotline search text is taken for, and which contacts it matches.
@Suite struct BookingSearchTests {
    @Test(arguments: [
        ("K7M-4PQ", BookingSearch.Kind.reference, "K7M-4PQ"), ("k7m4pq", .reference, "K7M-4PQ"),
        ("k7m 4pq", .reference, "K7M-4PQ"), ("0431 123456", .phone, "431123456"),
        ("+49 (431) 123-456", .phone, "431123456"),
        ("0049 431/123456", .phone, "431123456"), ("123456", .phone, "123456"), ("346797", .phone, "346797"),
        ("Erika@Example", .email, "erika@example"), ("Müller", .name, "muller"), ("Groß, Éva", .name, "gross eva"),
    ])
    func aSearchTextIsTakenForWhatItLooksLike(text: String, kind: BookingSearch.Kind, normalised: String) throws {
        let search = try #require(BookingSearch(text))
        #expect(search.kind == kind)
        #expect(search.text == normalised)
    }

    @Test(arguments: ["", "ab", "  a  ", "a b", "12", String(repeating: "x", count: 201)])
    func tooLittleToSearchByIsRefused(text: String) {
        #expect(BookingSearch(text) == nil)
    }

    /// A number matches when one of the two national numbers ends with the other: the caller may
    /// give it with or without the area code, as it may have been stored either way.
    @Test func phoneNumbersMatchByTheirNationalDigits() throws {
        let stored = Contact(name: "Erika", phone: "0431/123456")
        for query in ["0431 123456", "+49 431 123456", "0049431123456", "123456", "23456"] {
            #expect(try #require(BookingSearch(query)).matches(stored), "\(query)")
        }
        #expect(try #require(BookingSearch("0431 123457")).matches(stored) == false)
        #expect(try #require(BookingSearch("0431 654321")).matches(stored) == false)
        #expect(try #require(BookingSearch("0431 123456")).matches(Contact(name: "Erika")) == false)
    }

    @Test func namesMatchWordByWordWhateverTheCaseAndUmlauts() throws {
        let stored = Contact(name: "Jürgen Müller-Lüdenscheidt", email: "j.m@example.org")
        for query in ["müller", "MUELLER", "Muller", "jurgen lüdenscheidt", "Lüdenscheidt, Jürgen"] {
            #expect(try #require(BookingSearch(query)).matches(stored), "\(query)")
        }
        #expect(try #require(BookingSearch("Müller Schmidt")).matches(stored) == false, "every word must occur")
        #expect(try #require(BookingSearch("j.m@EXAMPLE")).matches(stored))
        #expect(try #require(BookingSearch("x@example")).matches(stored) == false)
        #expect(try #require(BookingSearch("K7M-4PQ")).matches(stored) == false, "a reference is looked up")
    }

    @Test func sixLettersOfTheReferenceAlphabetAreAlsoSearchedAsAName() throws {
        let search = try #require(BookingSearch("Hunter"))
        #expect(search.kind == .reference)
        #expect(search.nameFallback?.matches(Contact(name: "Greta Hunter")) == true)
        #expect(try #require(BookingSearch("K7M-4PQ")).nameFallback == nil)
    }

    @Test func theDatabaseSearchFindsTheComingBookingsOfTheOfficesAsked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = SharedClock(Fixtures.instant("2026-12-07T07:00"))
        let town = OfficeWriterTests.town(counters: 3)
        let database = try Database.open(path: directory.file("search.sqlite"), municipality: town, clock: clock.read)
        let writer = try #require(database.writers.values.first)
        let tuesday = Fixtures.instant("2026-12-08T09:00")
        for (index, name) in ["Anna Becker", "Bernd Becker", "Clara Schulz"].enumerated() {
            let request = SlotRequest(services: ["pass"], persons: 1, start: tuesday, channel: .hotline)
            let contact = Contact(name: name, phone: "0431 10000\(index)")
            guard case .success = writer.perform(.book(request, contact: contact)) else {
                Issue.record("\(name) not booked")
                return
            }
        }
        let found = try database.reader.sync { connection in
            try connection.searchBookings(
                try #require(BookingSearch("becker")), endingAfter: clock.now, offices: [writer.office.id])
        }
        #expect(found.bookings.map(\.contact.name).sorted() == ["Anna Becker", "Bernd Becker"])
        #expect(found.more == false)
        let elsewhere = try database.reader.sync { connection in
            try connection.searchBookings(try #require(BookingSearch("becker")), endingAfter: clock.now, offices: ["x"])
        }
        #expect(elsewhere.bookings.isEmpty)
        let past = try database.reader.sync { connection in
            try connection.searchBookings(
                try #require(BookingSearch("becker")), endingAfter: Fixtures.instant("2026-12-09T00:00"))
        }
        #expect(past.bookings.isEmpty, "a booking that has ended is not searched by name")
    }
}
