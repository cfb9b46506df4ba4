import Scheduling
import Storage

/// A hold as the citizen pages read it from the database (the writers publish their capacity, not
/// their hold records): enough to show it and to book the same time again once it has run out.
struct PageHold: Sendable {
    var id: HoldID
    var office: OfficeID
    var services: [ServiceID]
    var persons: Int
    var start: Instant
    var end: Instant
    var expiresAt: Instant
    var extensions: Int

    /// The stored hold `id`, expired or not; nil when there is none (booked, released or swept).
    static func read(_ id: HoldID, from connection: SQLiteConnection) throws -> PageHold? {
        guard
            let row = try connection.queryFirst(
                "SELECT office, services, persons, starts_at, ends_at, expires_at, extensions FROM hold WHERE id = ?",
                [id.rawValue])
        else { return nil }
        let services: String = try row.value(at: 1)
        return PageHold(
            id: id, office: OfficeID(try row.value(at: 0) as String),
            services: services.split(separator: ",").map { ServiceID(String($0)) }, persons: try row.value(at: 2),
            start: Instant(secondsSinceEpoch: try row.value(at: 3)),
            end: Instant(secondsSinceEpoch: try row.value(at: 4)),
            expiresAt: Instant(secondsSinceEpoch: try row.value(at: 5)), extensions: try row.value(at: 6))
    }
}
