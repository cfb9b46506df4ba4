/// An office on the page that hands out tickets from home: its daily window, whether it is open
/// now, and per group how many wait, for how long and how many tickets are left today.
package struct RemoteOffice: Equatable, Sendable {
    package var id: String
    package var name: String
    package var address: [String]
    /// The daily window ("07:30", "11:30").
    package var from: String
    package var until: String
    /// Whether tickets can be taken now.
    package var isOpen: Bool
    package var groups: [RemoteGroup]

    /// An office as the page shows it.
    package init(
        id: String, name: String, address: [String], from: String, until: String, isOpen: Bool, groups: [RemoteGroup]
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.from = from
        self.until = until
        self.isOpen = isOpen
        self.groups = groups
    }
}

/// A service group that hands out tickets from home at one office.
package struct RemoteGroup: Equatable, Sendable {
    package var letter: String
    package var name: String
    package var waiting: Int
    package var estimatedWaitMinutes: Int
    /// Tickets from home still to be had today.
    package var left: Int
    package var services: [ServiceOption]

    /// A group as the page shows it.
    package init(
        letter: String, name: String, waiting: Int, estimatedWaitMinutes: Int, left: Int, services: [ServiceOption]
    ) {
        self.letter = letter
        self.name = name
        self.waiting = waiting
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.left = left
        self.services = services
    }
}
