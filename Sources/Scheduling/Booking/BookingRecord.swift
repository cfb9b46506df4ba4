/// One booking as `BookingTable` keeps it: 96 bytes inline and the contact's text in one string,
/// where a `Booking` is about 250 bytes with up to seven heap allocations (issue 8: a million
/// stored bookings in under 1 GiB).
///
/// What the office already knows is not repeated: the office (the table's), the counter (by its
/// index in the office's list), the services (by position in the table's list of distinct
/// service lists), the contact's key (derived again from the e-mail or phone). Numbers are kept
/// in the width they need in practice; a booking whose values do not fit (`BookingTable` checks)
/// is kept whole instead.
struct BookingRecord: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8

        /// A slot whose booking was removed.
        static let free = Flags(rawValue: 1 << 0)
        /// The booking is kept whole by the table; only id, reference and flags are set here.
        static let whole = Flags(rawValue: 1 << 1)
        static let cancelled = Flags(rawValue: 1 << 2)
        static let hasEmail = Flags(rawValue: 1 << 3)
        static let hasPhone = Flags(rawValue: 1 << 4)
        /// The contact has a key (an e-mail address or a phone number with digits).
        static let hasContactKey = Flags(rawValue: 1 << 5)
    }

    // The order of the fields packs them into 96 bytes (Swift lays out a struct's stored
    // properties in declaration order).
    var id: CompactBookingID
    var flags: Flags = []
    var channel: UInt8 = 0
    var counterIndex: UInt8 = 0
    var persons: UInt16 = 0
    /// Position of the services in the table's list of distinct service lists.
    var services: UInt16 = 0
    /// UTF-8 lengths of the name and the e-mail address at the start of `contact`.
    var nameLength: UInt16 = 0
    var emailLength: UInt16 = 0
    var date: Int32 = 0
    var reference: String
    /// The name, the e-mail address and the phone number, one after the other.
    var contact: String = ""
    var start: Int64 = 0
    var createdAt: Int64 = 0
    /// Seconds from start to end.
    var duration: Int32 = 0
    /// Seconds from creation to the last update.
    var updatedAfter: Int32 = 0
    var sequence: Int32 = 0
    var unitsLower: UInt16 = 0
    var unitsUpper: UInt16 = 0

    init(id: CompactBookingID, reference: String) {
        self.id = id
        self.reference = reference
    }

    /// The record of a removed booking: nothing kept.
    static let free: BookingRecord = {
        var record = BookingRecord(id: CompactBookingID("", prefix: []), reference: "")
        record.flags = .free
        return record
    }()

    var isFree: Bool { flags.contains(.free) }
    var isWhole: Bool { flags.contains(.whole) }
    var isActive: Bool { !flags.contains(.cancelled) }
    var end: Int64 { start + Int64(duration) }

    // MARK: Channel

    static func code(of channel: Channel) -> UInt8 {
        switch channel {
        case .online: 0
        case .hotline: 1
        case .counter: 2
        case .kiosk: 3
        }
    }

    static func channel(code: UInt8) -> Channel {
        switch code {
        case 0: .online
        case 1: .hotline
        case 2: .counter
        default: .kiosk
        }
    }

    // MARK: Contact

    /// Keeps `contact` in `self.contact` and the lengths and flags; false when a part is too
    /// long for the lengths kept (64 KiB).
    mutating func setContact(_ contact: Contact) -> Bool {
        let name = contact.name.utf8.count
        let email = contact.email?.utf8.count ?? 0
        guard name <= Int(UInt16.max), email <= Int(UInt16.max) else { return false }
        nameLength = UInt16(name)
        emailLength = UInt16(email)
        flags.remove([.hasEmail, .hasPhone, .hasContactKey])
        if contact.email != nil { flags.insert(.hasEmail) }
        if contact.phone != nil { flags.insert(.hasPhone) }
        if contact.key != nil { flags.insert(.hasContactKey) }
        if holdsContact(contact) { return true }
        // One allocation of the size needed (none up to 15 bytes, which Swift keeps inline).
        let count = name + email + (contact.phone?.utf8.count ?? 0)
        self.contact = String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            func append(_ part: String?) {
                for byte in (part ?? "").utf8 {
                    buffer[index] = byte
                    index += 1
                }
            }
            append(contact.name)
            append(contact.email)
            append(contact.phone)
            return index
        }
        return true
    }

    /// Whether `contact`'s text is, byte for byte, what this record keeps (lengths and flags are
    /// assumed set for it).
    func holdsContact(_ contact: Contact) -> Bool {
        let count = contact.name.utf8.count + (contact.email?.utf8.count ?? 0) + (contact.phone?.utf8.count ?? 0)
        guard self.contact.utf8.count == count else { return false }
        var kept = self.contact.utf8.makeIterator()
        func follows(_ part: String?) -> Bool {
            for byte in (part ?? "").utf8 where kept.next() != byte { return false }
            return true
        }
        return follows(contact.name) && follows(contact.email) && follows(contact.phone)
    }

    /// The contact, made again from the text.
    var unpackedContact: Contact {
        let (nameEnd, emailEnd) = contactBoundaries
        return Contact(
            name: String(contact[..<nameEnd]),
            email: flags.contains(.hasEmail) ? String(contact[nameEnd..<emailEnd]) : nil,
            phone: flags.contains(.hasPhone) ? String(contact[emailEnd...]) : nil)
    }

    /// The contact's key, made again from the e-mail address or the phone number.
    var contactKey: String? {
        guard flags.contains(.hasContactKey) else { return nil }
        let (nameEnd, emailEnd) = contactBoundaries
        return Contact.key(
            email: flags.contains(.hasEmail) ? String(contact[nameEnd..<emailEnd]) : nil,
            phone: flags.contains(.hasPhone) ? String(contact[emailEnd...]) : nil)
    }

    /// Where the name and the e-mail address end in `contact` (the parts were whole strings, so
    /// these are boundaries of Unicode scalars, which string slicing keeps exactly).
    private var contactBoundaries: (String.Index, String.Index) {
        let utf8 = contact.utf8
        let nameEnd = utf8.index(utf8.startIndex, offsetBy: Int(nameLength))
        return (nameEnd, utf8.index(nameEnd, offsetBy: Int(emailLength)))
    }
}
