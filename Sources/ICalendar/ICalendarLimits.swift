/// The limits the reader and the recurrence expansion enforce, so that a hostile or broken file
/// ends in a clear error instead of exhausting memory or time.
package struct ICalendarLimits: Hashable, Sendable {
    /// Largest input accepted, in bytes.
    package var maximumInputBytes: Int = 8 * 1024 * 1024
    /// Longest content line after unfolding, in octets (RFC 5545 §3.1 sets no upper bound).
    package var maximumLineOctets: Int = 256 * 1024
    /// Deepest nesting of components (VCALENDAR › VEVENT › VALARM is 3).
    package var maximumNestingDepth: Int = 16
    /// Most VEVENT components in one input.
    package var maximumEvents: Int = 50_000
    /// Most occurrences one expansion returns.
    package var maximumOccurrences: Int = 100_000
    /// Most recurrence periods (years, months, weeks or days of a rule) one expansion may step
    /// through; bounds the work of rules that start long before the range or rarely match.
    package var maximumRecurrenceSteps: Int = 2_000_000
    /// Longest date range one expansion may cover, in days (about 200 years).
    package var maximumRangeDays: Int = 73_050

    /// The default limits.
    package init() {}
}
