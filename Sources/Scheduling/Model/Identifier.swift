/// A string identifier tagged with the kind of thing it names, so that an office id cannot be
/// passed where a service id is expected.
package struct Identifier<Kind>: Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    package let rawValue: String

    package init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    package init(stringLiteral value: String) {
        self.rawValue = value
    }

    package var description: String { rawValue }

    package static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}

package typealias OfficeID = Identifier<Office>
package typealias CounterID = Identifier<Counter>
package typealias ServiceID = Identifier<Service>
package typealias BookingID = Identifier<Booking>
package typealias HoldID = Identifier<Hold>
package typealias TicketID = Identifier<Ticket>
