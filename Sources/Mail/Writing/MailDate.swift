package import Scheduling

/// The RFC 5322 §3.3 date-time of an instant, in UTC: `Mon, 07 Dec 2026 07:30:00 +0000`.
package enum MailDate {
    private static let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `instant` as a `Date` header value.
    package static func format(_ instant: Instant) -> String {
        let (date, second) = instant.utc
        let civil = date.civil
        return days[date.weekday.rawValue - 1] + ", " + Digits.padded(civil.day, 2) + " " + months[civil.month - 1]
            + " " + Digits.padded(civil.year, 4) + " " + Digits.padded(second / 3600, 2) + ":"
            + Digits.padded(second / 60 % 60, 2) + ":" + Digits.padded(second % 60, 2) + " +0000"
    }
}
