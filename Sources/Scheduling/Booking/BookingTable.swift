/// The bookings of one office as its schedule keeps them: compact records in one array, their
/// contacts' texts in one byte array, and indexes by id, by reference and by contact that hold
/// slot numbers only. A `Booking` is made from its record when it is read (`table[id]`,
/// `values`), so that a town's million stored bookings fit in memory (issue 8: about 200 bytes a
/// booking, where a dictionary of `Booking` values and its indexes took about 1,050); it reads
/// back equal to the booking stored, byte for byte.
///
/// Lookups compare ids, references and contact keys as strings are compared (canonical
/// equivalence), as the dictionaries keyed by them did.
package struct BookingTable: Sendable {
    private let office: OfficeID
    private let counters: [CounterID]
    /// The office's id and a dot, as UTF-8: how the ids the office makes begin.
    private let prefix: [UInt8]
    /// The records by slot (fewer than `UInt32.max`, far beyond any office's memory).
    private var records: [BookingRecord] = []
    private(set) var contacts = ContactArena()
    /// Slots of removed bookings, used again before the array grows.
    private var freeSlots: [UInt32] = []
    private var byID = SlotIndex()
    /// One slot per reference: the booking stored last with it.
    private var byReference = SlotIndex()
    /// For each contact key, the first of its bookings; the others follow it in a chain through
    /// their records' `nextByContact` (one index entry per contact, however many bookings it has).
    private var byContact = SlotIndex()
    /// The distinct lists of services booked; records name theirs by position.
    private var serviceLists: [[ServiceID]] = []
    private var serviceListPositions: [[ServiceID]: UInt16] = [:]
    /// The ids of the `long` form, by slot.
    private var longIDs: [UInt32: BookingID] = [:]
    /// Bookings that do not fit a record (another office's, a counter not at its index, numbers
    /// out of range), by slot.
    private var wholeBookings: [UInt32: Booking] = [:]

    /// How many bookings the table holds.
    package private(set) var count = 0

    /// An empty table for `office`'s bookings.
    package init(office: Office) {
        self.office = office.id
        self.counters = office.counters.map(\.id)
        self.prefix = Array(office.id.rawValue.utf8) + [UInt8(ascii: ".")]
    }

    /// Whether the table holds no booking.
    package var isEmpty: Bool { count == 0 }

    /// The same office's table without bookings.
    var emptied: BookingTable {
        var table = self
        table.records = []
        table.contacts = ContactArena()
        table.freeSlots = []
        table.byID.removeAll()
        table.byReference.removeAll()
        table.byContact.removeAll()
        table.longIDs = [:]
        table.wholeBookings = [:]
        table.count = 0
        return table
    }

    /// Makes room for `capacity` bookings in all, so that loading them grows nothing.
    package mutating func reserveCapacity(_ capacity: Int) {
        guard capacity > records.count else { return }
        records.reserveCapacity(capacity)
        byID.reserveCapacity(capacity)
        byReference.reserveCapacity(capacity)
        byContact.reserveCapacity(capacity)
    }

    // MARK: Reading

    /// The booking with `id`.
    package subscript(id: BookingID) -> Booking? {
        slot(of: id).flatMap(booking(at:))
    }

    /// The booking stored last with `reference`.
    func booking(reference: String) -> Booking? {
        slot(ofReference: reference).flatMap(booking(at:))
    }

    func contains(_ id: BookingID) -> Bool { slot(of: id) != nil }

    func contains(reference: String) -> Bool { slot(ofReference: reference) != nil }

    /// Every booking, in no particular order.
    package var values: Values { Values(table: self) }

    /// The bookings, made from their records one at a time.
    package struct Values: Sequence, Sendable {
        let table: BookingTable

        /// Goes through the slots in order, skipping free ones.
        package struct Iterator: IteratorProtocol {
            let table: BookingTable
            var slot = 0

            package mutating func next() -> Booking? {
                while slot < table.records.count {
                    defer { slot += 1 }
                    if let booking = table.booking(at: UInt32(slot)) { return booking }
                }
                return nil
            }
        }

        package func makeIterator() -> Iterator { Iterator(table: table) }

        package var underestimatedCount: Int { table.count }
    }

    /// Bookings on `date`.
    func bookings(on date: LocalDate) -> [Booking] {
        records.indices.compactMap { index in
            self.date(at: UInt32(index)) == date ? booking(at: UInt32(index)) : nil
        }
    }

    /// How many active bookings of `contactKey` that include `service` are not over at `now`,
    /// leaving out `excluding`.
    func activeCount(of contactKey: String, service: ServiceID, at now: Instant, excluding: BookingID?) -> Int {
        let excluded = excluding.flatMap(slot(of:))
        var count = 0
        var slot = firstSlot(ofContact: contactKey, hash: contactKey.hashValue) ?? BookingRecord.none
        while slot != BookingRecord.none {
            let record = records[Int(slot)]
            defer { slot = record.nextByContact }
            guard slot != excluded else { continue }
            if record.isWhole {
                guard let booking = wholeBookings[slot], booking.isActive, booking.end > now,
                    booking.services.contains(service)
                else { continue }
            } else {
                guard record.isActive, record.end > now.secondsSinceEpoch,
                    serviceLists[Int(record.services)].contains(service)
                else { continue }
            }
            count += 1
        }
        return count
    }

    // MARK: Changing

    /// Adds `booking`, whose id must not be in the table yet.
    mutating func add(_ booking: Booking) {
        let slot = freeSlots.popLast() ?? UInt32(records.count)
        let record = makeRecord(booking, slot: slot, replacing: nil)
        if Int(slot) == records.count {
            if records.count == records.capacity {
                // Grow by a quarter, not by doubling: the array is most of the table's memory.
                records.reserveCapacity(records.count + records.count / 4 + 16)
            }
            records.append(record)
        } else {
            records[Int(slot)] = record
        }
        byID.insert(slot, hash: booking.id.rawValue.hashValue)
        setReference(booking.reference, slot: slot)
        if let key = booking.contactKey { link(slot, contact: key) }
        count += 1
    }

    /// Puts `booking` in the place of the stored booking with its id.
    mutating func replace(_ booking: Booking) {
        guard let slot = slot(of: booking.id) else {
            add(booking)
            return
        }
        let old = records[Int(slot)]
        let oldKey = contactKey(at: slot)
        let newKey = booking.contactKey
        if oldKey != newKey, let oldKey { unlink(slot, contact: oldKey) }
        var record = makeRecord(booking, slot: slot, replacing: old)
        if oldKey == newKey { record.nextByContact = records[Int(slot)].nextByContact }
        records[Int(slot)] = record
        // As storing it again: its reference finds it, even when another booking took the
        // reference since.
        byReference.remove(slot, hash: old.reference.hashValue)
        setReference(booking.reference, slot: slot)
        if oldKey != newKey, let newKey { link(slot, contact: newKey) }
        compactContactsIfNeeded()
    }

    /// Removes the bookings on days before `date`.
    mutating func removeAll(before date: LocalDate) {
        for index in records.indices where !records[index].isFree {
            if let day = self.date(at: UInt32(index)), day < date { remove(at: UInt32(index)) }
        }
        compactContactsIfNeeded()
    }

    private mutating func remove(at slot: UInt32) {
        let record = records[Int(slot)]
        byID.remove(slot, hash: id(at: slot).rawValue.hashValue)
        byReference.remove(slot, hash: record.reference.hashValue)
        if let key = contactKey(at: slot) { unlink(slot, contact: key) }
        if !record.isWhole { contacts.release(record.contactSpan) }
        longIDs[slot] = nil
        wholeBookings[slot] = nil
        records[Int(slot)] = .free
        freeSlots.append(slot)
        count -= 1
    }

    /// Makes `slot` the one of `reference`, in place of any other.
    private mutating func setReference(_ reference: String, slot: UInt32) {
        let hash = reference.hashValue
        if let other = byReference.first(hash: hash, where: { records[Int($0)].reference == reference }) {
            byReference.remove(other, hash: hash)
        }
        byReference.insert(slot, hash: hash)
    }

    // MARK: Chains by contact

    /// The first booking of the contact with `key` (the one in the index).
    private func firstSlot(ofContact key: String, hash: Int) -> UInt32? {
        byContact.first(hash: hash) { contactKey(at: $0) == key }
    }

    /// Puts `slot` in the chain of `key`, as its second booking (or its first).
    private mutating func link(_ slot: UInt32, contact key: String) {
        let hash = key.hashValue
        if let first = firstSlot(ofContact: key, hash: hash) {
            records[Int(slot)].nextByContact = records[Int(first)].nextByContact
            records[Int(first)].nextByContact = slot
        } else {
            records[Int(slot)].nextByContact = BookingRecord.none
            byContact.insert(slot, hash: hash)
        }
    }

    /// Takes `slot` out of the chain of `key`.
    private mutating func unlink(_ slot: UInt32, contact key: String) {
        let hash = key.hashValue
        guard let first = firstSlot(ofContact: key, hash: hash) else { return }
        let next = records[Int(slot)].nextByContact
        records[Int(slot)].nextByContact = BookingRecord.none
        if first == slot {
            byContact.remove(slot, hash: hash)
            if next != BookingRecord.none { byContact.insert(next, hash: hash) }
            return
        }
        var previous = first
        while records[Int(previous)].nextByContact != BookingRecord.none {
            if records[Int(previous)].nextByContact == slot {
                records[Int(previous)].nextByContact = next
                return
            }
            previous = records[Int(previous)].nextByContact
        }
    }

    // MARK: Slots

    private func slot(of id: BookingID) -> UInt32? {
        let compact = CompactBookingID(id.rawValue, prefix: prefix)
        return byID.first(hash: id.rawValue.hashValue) { slot in
            let stored = records[Int(slot)].id
            if compact.form != .long, stored.form != .long { return stored == compact }
            return self.id(at: slot) == id
        }
    }

    private func slot(ofReference reference: String) -> UInt32? {
        byReference.first(hash: reference.hashValue) { records[Int($0)].reference == reference }
    }

    private func id(at slot: UInt32) -> BookingID {
        if let text = records[Int(slot)].id.text(prefix: prefix) { return BookingID(text) }
        return longIDs[slot] ?? BookingID("")
    }

    private func date(at slot: UInt32) -> LocalDate? {
        let record = records[Int(slot)]
        if record.isFree { return nil }
        if record.isWhole { return wholeBookings[slot]?.placement.date }
        return LocalDate(dayNumber: Int(record.date))
    }

    // MARK: Records

    /// The booking in `slot`, made from its record; nil for a free slot.
    private func booking(at slot: UInt32) -> Booking? {
        let record = records[Int(slot)]
        if record.isFree { return nil }
        if record.isWhole { return wholeBookings[slot] }
        let start = Instant(secondsSinceEpoch: record.start)
        let createdAt = Instant(secondsSinceEpoch: record.createdAt)
        var contact = contacts.contact(at: record.contactSpan)
        if record.flags.contains(.english) { contact.language = .english }
        return Booking(
            id: id(at: slot), reference: record.reference, office: office,
            counter: counters[record.counterIndex], services: serviceLists[Int(record.services)],
            persons: Int(record.persons), start: start, end: start.adding(seconds: Int(record.duration)),
            channel: record.channel, contact: contact,
            status: record.isActive ? .booked : .cancelled, createdAt: createdAt,
            updatedAt: createdAt.adding(seconds: Int(record.updatedAfter)), sequence: Int(record.sequence),
            placement: Placement(
                date: LocalDate(dayNumber: Int(record.date)), counterIndex: record.counterIndex,
                units: Int(record.unitsLower)..<Int(record.unitsUpper)))
    }

    /// The record of `booking` in `slot`; a booking that does not fit one is kept whole, with
    /// only its id and reference in the record. `old` is the record it replaces, whose contact
    /// text is kept when it is the same (and otherwise released).
    private mutating func makeRecord(_ booking: Booking, slot: UInt32, replacing old: BookingRecord?)
        -> BookingRecord
    {
        let id = CompactBookingID(booking.id.rawValue, prefix: prefix)
        if id.form == .long { longIDs[slot] = booking.id } else { longIDs[slot] = nil }
        let oldSpan = old.flatMap { $0.isWhole ? nil : $0.contactSpan }
        var record = BookingRecord(id: id, reference: booking.reference)
        if fill(&record, from: booking) {
            if let oldSpan, contacts.holds(booking.contact, at: oldSpan) {
                record.contactSpan = oldSpan
                wholeBookings[slot] = nil
                return record
            }
            if let span = contacts.append(booking.contact) {
                record.contactSpan = span
                if let oldSpan { contacts.release(oldSpan) }
                wholeBookings[slot] = nil
                return record
            }
        }
        if let oldSpan { contacts.release(oldSpan) }
        var whole = BookingRecord(id: id, reference: booking.reference)
        whole.flags = .whole
        wholeBookings[slot] = booking
        return whole
    }

    /// Fills `record` from `booking`, but for the contact's text; false when a value does not fit.
    /// A booking that waits for its confirmation is kept whole: there are few of them, and only
    /// for minutes.
    private mutating func fill(_ record: inout BookingRecord, from booking: Booking) -> Bool {
        guard booking.confirmationDeadline == nil else { return false }
        let placement = booking.placement
        let duration = booking.start.seconds(until: booking.end)
        let updatedAfter = booking.createdAt.seconds(until: booking.updatedAt)
        guard booking.office == office, counters.indices.contains(placement.counterIndex),
            placement.counterIndex <= BookingRecord.maxCounterIndex,
            counters[placement.counterIndex] == booking.counter,
            let persons = UInt8(exactly: booking.persons), let date = Int32(exactly: placement.date.dayNumber),
            let duration = Int32(exactly: duration), let updatedAfter = Int32(exactly: updatedAfter),
            let sequence = Int32(exactly: booking.sequence),
            let unitsLower = UInt16(exactly: placement.units.lowerBound),
            let unitsUpper = UInt16(exactly: placement.units.upperBound),
            let services = position(of: booking.services)
        else { return false }
        record.channel = booking.channel
        record.counterIndex = placement.counterIndex
        record.persons = persons
        record.services = services
        record.date = date
        record.start = booking.start.secondsSinceEpoch
        record.createdAt = booking.createdAt.secondsSinceEpoch
        record.duration = duration
        record.updatedAfter = updatedAfter
        record.sequence = sequence
        record.unitsLower = unitsLower
        record.unitsUpper = unitsUpper
        if !booking.isActive { record.flags.insert(.cancelled) }
        if booking.contactKey != nil { record.flags.insert(.hasContactKey) }
        if booking.contact.language == .english { record.flags.insert(.english) }
        return true
    }

    /// The key of the contact in `slot`, made again from its e-mail address or phone number.
    private func contactKey(at slot: UInt32) -> String? {
        let record = records[Int(slot)]
        if record.isWhole { return wholeBookings[slot]?.contactKey }
        return record.flags.contains(.hasContactKey) ? contacts.key(at: record.contactSpan) : nil
    }

    /// Drops the texts of removed contacts once they are half the arena.
    private mutating func compactContactsIfNeeded() {
        guard contacts.needsCompaction else { return }
        let live = records.indices.filter { !records[$0].isFree && !records[$0].isWhole }
        let (arena, spans) = contacts.compacted(live.map { records[$0].contactSpan })
        contacts = arena
        for (index, span) in zip(live, spans) { records[index].contactSpan = span }
    }

    /// The position of `services` in the list of distinct service lists, added when new; nil
    /// when the list is full.
    private mutating func position(of services: [ServiceID]) -> UInt16? {
        if let position = serviceListPositions[services] { return position }
        guard serviceLists.count < Int(UInt16.max) else { return nil }
        let position = UInt16(serviceLists.count)
        serviceLists.append(services)
        serviceListPositions[services] = position
        return position
    }
}
