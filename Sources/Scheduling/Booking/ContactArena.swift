/// The contacts of an office's bookings as one byte array: each contact's name, e-mail address
/// and phone number one after another, named by a `ContactSpan`. A string of its own per contact
/// would cost a heap allocation with 32 bytes of header and malloc's rounding (about 110 bytes
/// for a 60-byte contact); here it costs its bytes.
///
/// Removed contacts leave garbage, which `compacted` drops once it is half the array.
struct ContactArena: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Bytes of removed contacts still in `bytes`.
    private(set) var garbage = 0

    /// Where one contact's text is, and which parts it has.
    struct Span: Equatable, Sendable {
        var offset: UInt32
        var nameLength: UInt16
        var emailLength: UInt16
        var phoneLength: UInt16
        var hasEmail: Bool
        var hasPhone: Bool

        var count: Int { Int(nameLength) + Int(emailLength) + Int(phoneLength) }
    }

    /// Appends `contact`; nil when a part is longer than 65,535 bytes or the array would pass
    /// 4 GiB (offsets are 32 bits).
    mutating func append(_ contact: Contact) -> Span? {
        let name = contact.name.utf8.count
        let email = contact.email?.utf8.count ?? 0
        let phone = contact.phone?.utf8.count ?? 0
        guard name <= Int(UInt16.max), email <= Int(UInt16.max), phone <= Int(UInt16.max),
            bytes.count + name + email + phone <= Int(UInt32.max)
        else { return nil }
        let span = Span(
            offset: UInt32(bytes.count), nameLength: UInt16(name), emailLength: UInt16(email),
            phoneLength: UInt16(phone), hasEmail: contact.email != nil, hasPhone: contact.phone != nil)
        grow(by: span.count)
        bytes.append(contentsOf: contact.name.utf8)
        if let email = contact.email { bytes.append(contentsOf: email.utf8) }
        if let phone = contact.phone { bytes.append(contentsOf: phone.utf8) }
        return span
    }

    /// Whether `span` holds `contact`, byte for byte.
    func holds(_ contact: Contact, at span: Span) -> Bool {
        guard span.hasEmail == (contact.email != nil), span.hasPhone == (contact.phone != nil),
            Int(span.nameLength) == contact.name.utf8.count, Int(span.emailLength) == contact.email?.utf8.count ?? 0,
            Int(span.phoneLength) == contact.phone?.utf8.count ?? 0
        else { return false }
        let (name, email, phone) = ranges(span)
        return bytes[name].elementsEqual(contact.name.utf8) && bytes[email].elementsEqual((contact.email ?? "").utf8)
            && bytes[phone].elementsEqual((contact.phone ?? "").utf8)
    }

    /// The contact at `span`.
    func contact(at span: Span) -> Contact {
        let (name, email, phone) = ranges(span)
        return Contact(
            name: text(name), email: span.hasEmail ? text(email) : nil, phone: span.hasPhone ? text(phone) : nil)
    }

    /// The key of the contact at `span` (`Contact.key`), without making its name.
    func key(at span: Span) -> String? {
        let (_, email, phone) = ranges(span)
        return Contact.key(email: span.hasEmail ? text(email) : nil, phone: span.hasPhone ? text(phone) : nil)
    }

    /// Counts the contact at `span` as removed.
    mutating func release(_ span: Span) {
        garbage += span.count
    }

    /// Whether enough is removed that `compacted` pays.
    var needsCompaction: Bool { garbage > 4096 && garbage * 2 > bytes.count }

    /// A new arena with the contacts of `spans` only, and their new spans, in the same order.
    func compacted(_ spans: [Span]) -> (ContactArena, [Span]) {
        var arena = ContactArena()
        arena.bytes.reserveCapacity(bytes.count - garbage)
        let moved = spans.map { span in
            var moved = span
            moved.offset = UInt32(arena.bytes.count)
            arena.bytes.append(contentsOf: bytes[Int(span.offset)..<Int(span.offset) + span.count])
            return moved
        }
        return (arena, moved)
    }

    private func ranges(_ span: Span) -> (Range<Int>, Range<Int>, Range<Int>) {
        let start = Int(span.offset)
        let nameEnd = start + Int(span.nameLength)
        let emailEnd = nameEnd + Int(span.emailLength)
        return (start..<nameEnd, nameEnd..<emailEnd, emailEnd..<emailEnd + Int(span.phoneLength))
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Grows by a quarter rather than doubling: the array is a large part of an office's memory.
    private mutating func grow(by count: Int) {
        guard bytes.count + count > bytes.capacity else { return }
        bytes.reserveCapacity(max(bytes.count + count, bytes.count + bytes.count / 4 + 1024))
    }
}
