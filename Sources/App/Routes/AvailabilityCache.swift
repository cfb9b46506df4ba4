package import HTTPServer
package import Scheduling
import Synchronization

/// Availability answers as ready bytes with their ETags, so that a rush of identical questions
/// costs a dictionary lookup: no capacity search and no JSON encoding on a hit.
///
/// An answer is kept under its question (office, caller's channel and the query as sent) together
/// with what it was computed from: the office's capacity version (raised by every committed
/// change) and the minute of the server's clock (the booking window moves with time). A lookup at
/// another version or minute is a miss, and the new answer takes the old one's place, so one
/// question holds one entry however long the server runs. An entry also lives at most `lifetime`
/// seconds of real time, for holds that expire without a change.
///
/// The cache is bounded by `maxEntries` answers and `maxBytes` bytes of them (bodies and keys):
/// when a new answer would pass either, the answers stored longest ago go first. A flood of
/// made-up questions thus costs the oldest answers their place, never memory beyond the limits
/// (Documentation/Configuration.md).
package final class AvailabilityCache: Sendable {
    /// A question: the office, whether the public or staff asks, on which channel, and the
    /// query string as sent (an equivalent query spelt otherwise is another entry).
    package struct Key: Hashable, Sendable {
        package var office: OfficeID
        package var channel: Channel
        package var staff: Bool
        package var query: String

        package init(office: OfficeID, channel: Channel, staff: Bool, query: String) {
            self.office = office
            self.channel = channel
            self.staff = staff
            self.query = query
        }

        var byteCount: Int { office.rawValue.utf8.count + query.utf8.count }
    }

    package struct Entry: Sendable {
        /// The answer as sent: the body with its `Content-Type`, `ETag` and `Cache-Control`.
        package var response: HTTPResponse
        package var etag: String
        var version: Int
        var minute: Int64
        var born: Double
        /// Its place in the order of storing, to tell a current entry from a replaced one.
        var sequence: Int
    }

    /// The limits, each a named value with a default.
    package struct Limits: Sendable {
        /// Seconds of real time an answer is served at most. Default 1.
        package var lifetime: Double = 1
        /// Answers kept at most. Default 4,096.
        package var maxEntries = 4_096
        /// Bytes of answers (bodies and keys, plus `entryOverhead` each) kept at most. Default 16 MiB.
        package var maxBytes = 16 << 20

        package init(lifetime: Double = 1, maxEntries: Int = 4_096, maxBytes: Int = 16 << 20) {
            self.lifetime = lifetime
            self.maxEntries = maxEntries
            self.maxBytes = maxBytes
        }
    }

    /// Bytes counted per entry beyond its body and key (the entry, the ETag, the table's slot).
    package static let entryOverhead = 128

    private struct Store {
        var entries: [Key: Entry] = [:]
        /// Keys in the order they were stored; an item whose sequence is no longer its key's
        /// was replaced and is skipped. Items before `head` are gone.
        var order: [(key: Key, sequence: Int)] = []
        var head = 0
        var bytes = 0
        var sequence = 0
        var hits = 0
        var misses = 0
    }

    private let store = Mutex(Store())
    package let limits: Limits

    package init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// A cache with the default limits but `lifetime`.
    package convenience init(lifetime: Double) {
        self.init(limits: Limits(lifetime: lifetime))
    }

    private var now: Double { MonotonicClock.seconds() }

    /// The answer to `key` computed at `version` and `minute`, if it is there and young enough.
    package func get(_ key: Key, version: Int, minute: Int64) -> Entry? {
        let now = now
        return store.withLock { store in
            guard let entry = store.entries[key], entry.version == version, entry.minute == minute,
                now - entry.born < limits.lifetime
            else {
                store.misses += 1
                return nil
            }
            store.hits += 1
            return entry
        }
    }

    /// Stores the answer to `key` computed at `version` and `minute` in place of any earlier one,
    /// dropping the oldest answers while the limits are passed; returns the entry. An answer
    /// larger than `maxBytes` is returned but not kept.
    package func put(_ key: Key, body: [UInt8], version: Int, minute: Int64) -> Entry {
        // Kept in storage of its own size: a body written by growing an array holds up to twice
        // its bytes, which `maxBytes` would not see.
        let body = body.withUnsafeBufferPointer { Array($0) }
        let born = now
        let etag = ETag.of(body)
        let size = Self.size(key: key, body: body)
        let response = HTTPResponse(
            status: .ok,
            headers: ["Content-Type": "application/json", "ETag": etag, "Cache-Control": "no-cache"], body: body)
        return store.withLock { store in
            store.sequence += 1
            let entry = Entry(
                response: response, etag: etag, version: version, minute: minute, born: born,
                sequence: store.sequence)
            if let replaced = store.entries.updateValue(entry, forKey: key) {
                store.bytes -= Self.size(key: key, body: replaced.response.body)
            }
            store.bytes += size
            store.order.append((key, store.sequence))
            while store.entries.count > limits.maxEntries || store.bytes > limits.maxBytes,
                store.head < store.order.count
            {
                let (oldest, sequence) = store.order[store.head]
                store.head += 1
                if let stored = store.entries[oldest], stored.sequence == sequence {
                    store.entries[oldest] = nil
                    store.bytes -= Self.size(key: oldest, body: stored.response.body)
                }
            }
            Self.compact(&store)
            return entry
        }
    }

    /// Keeps the order within about four times the entries: drops its items that are gone or
    /// replaced once they outnumber the live ones, and the items before `head` once they are
    /// half of it (each store pays for this on average with a constant amount of work).
    private static func compact(_ store: inout Store) {
        let items = store.order.count - store.head
        if items > 2 * store.entries.count + 64 {
            store.order = store.order[store.head...].filter { store.entries[$0.key]?.sequence == $0.sequence }
            store.head = 0
        } else if store.head > 64 && store.head * 2 > store.order.count {
            store.order.removeFirst(store.head)
            store.head = 0
        }
    }

    /// Keys waiting in the order of storing, for tests of its bound.
    var queuedKeys: Int { store.withLock { $0.order.count } }

    private static func size(key: Key, body: [UInt8]) -> Int {
        body.count + key.byteCount + entryOverhead
    }

    /// Hits and misses so far.
    package var statistics: (hits: Int, misses: Int) { store.withLock { ($0.hits, $0.misses) } }

    /// Answers and bytes held now.
    package var size: (entries: Int, bytes: Int) { store.withLock { ($0.entries.count, $0.bytes) } }
}
