import Foundation
package import Scheduling

/// What the hotline looks a booking up by when the caller has lost both link and reference: a
/// reference, a phone number, part of an e-mail address or of the name. Pure: parsing a search
/// text and matching a contact do no I/O.
///
/// - A reference (`K7M-4PQ`, any case, dash optional) is looked up directly; six letters that
///   are no reference are searched for as a name.
/// - A phone number (5 or more digits, with `+`, spaces, `-`, `/`, `(`, `)` or `.` between them)
///   matches a stored number that ends with the same national digits: „0431 123456",
///   „+49 431 123456" and „123456" all find the booking stored with „0431/123456".
/// - Text with `@` matches e-mail addresses that contain it, in any letter case.
/// - Anything else is a name: every word of it (two letters or more) must occur in the stored
///   name, regardless of case, accents and umlauts written out („Müller", „mueller", „MULLER").
package struct BookingSearch: Equatable, Sendable {
    /// What the text was taken for.
    package enum Kind: String, Equatable, Sendable {
        case reference
        case phone
        case email
        case name
    }

    package let kind: Kind
    /// The normalised text: the reference, the national digits, the lower-cased address part, or
    /// the folded name words joined by spaces.
    package let text: String
    private let words: [String]

    /// Matches at most this many bookings; the answer says when there are more.
    package static let maximumResults = 20
    /// The fewest characters a search text must have (besides spaces).
    package static let minimumLength = 3

    /// The search for `text`; nil when it is too short to search by (fewer than three characters,
    /// or a name without a word of two letters).
    package init?(_ text: String) {
        let trimmed = text.trimmingWhitespace
        guard trimmed.count >= Self.minimumLength, trimmed.count <= 200 else { return nil }
        let nameWords = Self.fold(trimmed).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "." })
            .map(String.init).filter { $0.count >= 2 }
        if let reference = Self.reference(trimmed) {
            kind = .reference
            self.text = reference
            words = trimmed.allSatisfy(\.isLetter) ? nameWords : []
        } else if trimmed.contains("@") {
            kind = .email
            self.text = trimmed.lowercased()
            words = []
        } else if let digits = Self.phoneDigits(trimmed) {
            kind = .phone
            self.text = digits
            words = []
        } else {
            guard !nameWords.isEmpty, nameWords.joined().count >= Self.minimumLength else { return nil }
            kind = .name
            self.text = nameWords.joined(separator: " ")
            words = nameWords
        }
    }

    private init(kind: Kind, text: String, words: [String]) {
        self.kind = kind
        self.text = text
        self.words = words
    }

    /// For a reference that could be a name too (six letters): the search by that name.
    var nameFallback: BookingSearch? {
        kind == .reference && !words.isEmpty
            ? BookingSearch(kind: .name, text: words.joined(separator: " "), words: words) : nil
    }

    /// Whether `contact` matches (a reference matches no contact: it is looked up by itself).
    package func matches(_ contact: Contact) -> Bool {
        switch kind {
        case .reference:
            return false
        case .email:
            return contact.email.map { $0.lowercased().contains(text) } ?? false
        case .phone:
            guard let stored = contact.phone.flatMap(Self.phoneDigits) else { return false }
            return stored.hasSuffix(text) || text.hasSuffix(stored)
        case .name:
            let name = Self.fold(contact.name)
            return words.allSatisfy { name.contains($0) }
        }
    }

    /// `K7M-4PQ` for a text of six characters of the reference alphabet in any case, a letter
    /// among them (one dash or space after the third allowed), else nil.
    static func reference(_ text: String) -> String? {
        var compact = text.uppercased()
        if compact.count == 7, [" ", "-"].contains(compact[compact.index(compact.startIndex, offsetBy: 3)]) {
            compact.remove(at: compact.index(compact.startIndex, offsetBy: 3))
        }
        // Digits alone are a phone number's end rather than a reference.
        guard compact.count == 6, compact.allSatisfy({ Secrets.referenceAlphabet.contains($0) }),
            compact.contains(where: \.isLetter)
        else { return nil }
        compact.insert("-", at: compact.index(compact.startIndex, offsetBy: 3))
        return compact
    }

    /// The national digits of a phone number (no country code 49, no leading zeros), or nil
    /// when `text` is not a phone number of at least five digits.
    static func phoneDigits(_ text: String) -> String? {
        let allowed: Set<Character> = ["+", " ", "-", "/", "(", ")", "."]
        guard text.allSatisfy({ $0.isASCIIDigitCharacter || allowed.contains($0) }) else { return nil }
        var digits = text.filter(\.isASCIIDigitCharacter)
        let international = text.trimmingWhitespace.hasPrefix("+") || digits.hasPrefix("00")
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        if international, digits.hasPrefix("49") { digits.removeFirst(2) }
        while digits.hasPrefix("0") { digits.removeFirst() }
        return digits.count >= 5 ? digits : nil
    }

    /// Lower case, umlauts and ß written out, other accents dropped: „Jürgen Groß-Éluard" →
    /// "juergen gross-eluard".
    static func fold(_ text: String) -> String {
        var written = ""
        for character in text.lowercased() {
            switch character {
            case "ä": written += "ae"
            case "ö": written += "oe"
            case "ü": written += "ue"
            case "ß": written += "ss"
            default: written.append(character)
            }
        }
        let scalars = written.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        var result = String(String.UnicodeScalarView(scalars))
        // „Mueller" and „Muller" (umlaut left out) both find „Müller": an e after a, o or u
        // written out is ignored on both sides.
        for (written, plain) in [("ae", "a"), ("oe", "o"), ("ue", "u")] {
            result = result.replacingOccurrences(of: written, with: plain)
        }
        return result
    }
}

extension SQLiteConnection {
    /// The bookings (cancelled ones too) that `search` finds among those ending after `after`,
    /// at offices in `offices` (nil: every office), soonest first: at most
    /// `BookingSearch.maximumResults`, and whether there were more. A reference is looked up
    /// whatever its time. Contacts are compared in memory, so no part of the search text is put
    /// into SQL; the scan reads the bookings not yet erased (`booking_unerased`, in the order
    /// they were made) and keeps the matches that end after `after`, sorted by their end here.
    package func searchBookings(
        _ search: BookingSearch, endingAfter after: Instant, offices: Set<OfficeID>? = nil
    ) throws -> (bookings: [Booking], more: Bool) {
        if search.kind == .reference {
            if let found = try booking(reference: search.text),
                offices.map({ $0.contains(found.booking.office) }) ?? true
            {
                return ([found.booking], false)
            }
            guard let name = search.nameFallback else { return ([], false) }
            return try searchBookings(name, endingAfter: after, offices: offices)
        }
        var matches: [(end: Int64, id: String)] = []
        try forEachRow(Self.unerasedBookingsEndingAfter, [after.secondsSinceEpoch]) { row in
            if let offices, !offices.contains(OfficeID(try row.value(at: 1))) { return }
            let contact = Contact(
                name: try row.value(at: 2, as: String?.self) ?? "", email: try row.value(at: 3),
                phone: try row.value(at: 4))
            guard search.matches(contact) else { return }
            matches.append((try row.value(at: 5), try row.value(at: 0)))
        }
        matches.sort { ($0.end, $0.id) < ($1.end, $1.id) }
        let more = matches.count > BookingSearch.maximumResults
        let ids = matches.prefix(BookingSearch.maximumResults).map { BookingID($0.id) }
        let bookings = try ids.compactMap { try booking(id: $0)?.booking }.sorted {
            ($0.start, $0.id.rawValue) < ($1.start, $1.id.rawValue)
        }
        return (bookings, more)
    }

    /// The search's scan: every booking not erased, through the index of those (a full scan of
    /// the table would also read the erased ones, which stay for statistics).
    static let unerasedBookingsEndingAfter = """
        SELECT id, office, contact_name, contact_email, contact_phone, ends_at FROM booking INDEXED BY booking_unerased
        WHERE erased_at IS NULL AND ends_at > ?
        """

    /// The tickets of the office's checked-in bookings on `day`: booking id → ticket number.
    package func checkedInTickets(office: OfficeID, day: LocalDate) throws -> [BookingID: String] {
        var tickets: [BookingID: String] = [:]
        for row in try query(
            "SELECT booking, number FROM ticket WHERE office = ? AND day = ? AND booking IS NOT NULL",
            [office.rawValue, day.dayNumber])
        {
            tickets[BookingID(try row.value(at: 0))] = try row.value(at: 1)
        }
        return tickets
    }
}
