import Glibc

/// The `Date` field line (RFC 9110 §6.6.1, IMF-fixdate), formatted once per second.
struct DateCache {
    /// `Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n`.
    private(set) var field: [UInt8] = []
    private var second = Int.min

    /// Reformats the field if the wall-clock second changed.
    mutating func update() {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let current = Int(now.tv_sec)
        guard current != second else { return }
        second = current
        field = Self.format(secondsSinceEpoch: current)
    }

    /// The field line for an instant.
    static func format(secondsSinceEpoch: Int) -> [UInt8] {
        var time = time_t(secondsSinceEpoch)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String {
            value < 10 ? "0\(value)" : "\(value)"
        }
        let day = days[Int(parts.tm_wday) % 7]
        let month = months[Int(parts.tm_mon) % 12]
        let text =
            "Date: \(day), \(two(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT\r\n"
        return Array(text.utf8)
    }
}
