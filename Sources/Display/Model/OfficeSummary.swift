/// An office as the citizen pages show it, with its earliest free time when known.
package struct OfficeSummary: Equatable, Sendable {
    package var id: String
    package var name: String
    package var address: [String]
    /// The earliest free start for the chosen services, if one was looked up and found.
    package var earliest: DatedTime?

    package init(id: String, name: String, address: [String] = [], earliest: DatedTime? = nil) {
        self.id = id
        self.name = name
        self.address = address
        self.earliest = earliest
    }
}
