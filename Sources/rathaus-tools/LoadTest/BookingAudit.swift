import Scheduling
import Storage

/// What the database holds after a load run, read with a connection of its own (read-only, so
/// also while the server runs): the active bookings, and the overbooked counter-minutes.
struct BookingAudit {
    /// Active bookings in the whole file.
    var booked: Int
    /// Active bookings of one service at one office.
    var bookedForService: Int
    /// The sum, over every counter and every minute, of the active bookings beyond the first
    /// that cover that minute: 0 unless some counter was booked twice at once.
    var overbookedMinutes: Int
    /// Ids of the active bookings of the service at the office.
    var ids: Set<String>

    static func read(path: String, office: String, service: String) throws -> BookingAudit {
        let connection = try SQLiteConnection(path: path, configuration: .reader)
        defer { try? connection.close() }
        var audit = BookingAudit(booked: 0, bookedForService: 0, overbookedMinutes: 0, ids: [])
        var counter: (String, String)?
        var events: [(at: Int64, change: Int)] = []
        var overbookedSeconds: Int64 = 0
        func settle() {
            // Ends sort before starts at the same instant: back-to-back bookings do not overlap.
            events.sort { ($0.at, $0.change) < ($1.at, $1.change) }
            var active = 0
            var last: Int64 = 0
            for event in events {
                if active > 1 { overbookedSeconds += Int64(active - 1) * (event.at - last) }
                active += event.change
                last = event.at
            }
            events.removeAll(keepingCapacity: true)
        }
        try connection.forEachBookedInterval { booking in
            let key = (booking.office, booking.counter)
            if let current = counter, current != key { settle() }
            counter = key
            events.append((booking.start, 1))
            events.append((booking.end, -1))
            audit.booked += 1
            if key.0 == office, booking.services.contains(ServiceID(service)) {
                audit.bookedForService += 1
                audit.ids.insert(booking.id)
            }
        }
        settle()
        audit.overbookedMinutes = Int((overbookedSeconds + 59) / 60)
        return audit
    }
}
