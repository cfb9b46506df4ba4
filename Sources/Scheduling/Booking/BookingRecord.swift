/// One booking as `BookingTable` keeps it: 88 bytes inline and the contact's text in the table's
/// `ContactArena`, where a `Booking` is about 230 bytes with up to seven heap allocations
/// (issue 8: a million stored bookings in under 1 GiB).
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
        /// The contact's language is English (else German).
        static let english = Flags(rawValue: 1 << 6)
    }

    // The order of the fields packs them into 88 bytes (Swift lays out a struct's stored
    // properties in declaration order).
    var id: CompactBookingID
    var flags: Flags = []
    /// The channel's code in the high two bits, the counter's index in the low six (an office has
    /// at most 64 counters, `OfficeSchedule.maxCounters`).
    private var channelAndCounter: UInt8 = 0
    var persons: UInt8 = 0
    /// Position of the services in the table's list of distinct service lists.
    var services: UInt16 = 0
    /// UTF-8 lengths of the contact's parts in the table's `ContactArena`.
    var nameLength: UInt16 = 0
    var emailLength: UInt16 = 0
    var phoneLength: UInt16 = 0
    var unitsLower: UInt16 = 0
    var unitsUpper: UInt16 = 0
    var date: Int32 = 0
    var contactOffset: UInt32 = 0
    var reference: String
    var start: Int64 = 0
    var createdAt: Int64 = 0
    /// Seconds from start to end.
    var duration: Int32 = 0
    /// Seconds from creation to the last update.
    var updatedAfter: Int32 = 0
    var sequence: Int32 = 0
    /// The next booking with the same contact key, `BookingRecord.none` after the last.
    var nextByContact: UInt32 = BookingRecord.none

    /// No slot.
    static let none = UInt32.max

    /// The highest counter index a record keeps.
    static let maxCounterIndex = 63

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

    // MARK: Channel and counter

    var channel: Channel {
        get {
            switch channelAndCounter >> 6 {
            case 0: .online
            case 1: .hotline
            case 2: .counter
            default: .kiosk
            }
        }
        set {
            let code: UInt8
            switch newValue {
            case .online: code = 0
            case .hotline: code = 1
            case .counter: code = 2
            case .kiosk: code = 3
            }
            channelAndCounter = code << 6 | channelAndCounter & 0x3F
        }
    }

    /// The counter's index, at most `maxCounterIndex`.
    var counterIndex: Int {
        get { Int(channelAndCounter & 0x3F) }
        set { channelAndCounter = channelAndCounter & 0xC0 | UInt8(truncatingIfNeeded: newValue) & 0x3F }
    }

    // MARK: Contact

    /// Where the contact's text is in the table's `ContactArena`.
    var contactSpan: ContactArena.Span {
        get {
            ContactArena.Span(
                offset: contactOffset, nameLength: nameLength, emailLength: emailLength, phoneLength: phoneLength,
                hasEmail: flags.contains(.hasEmail), hasPhone: flags.contains(.hasPhone))
        }
        set {
            contactOffset = newValue.offset
            nameLength = newValue.nameLength
            emailLength = newValue.emailLength
            phoneLength = newValue.phoneLength
            flags.remove([.hasEmail, .hasPhone])
            if newValue.hasEmail { flags.insert(.hasEmail) }
            if newValue.hasPhone { flags.insert(.hasPhone) }
        }
    }
}
