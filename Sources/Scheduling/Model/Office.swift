/// A citizen office (Standort, Bürgerbüro): counters, hours, a time zone and a state.
package struct Office: Hashable, Sendable {
    package var id: OfficeID
    package var name: String
    /// Postal address lines, for confirmations and the calendar file.
    package var address: [String]
    /// A map showing the way to the office (an `https` URL), for the citizen pages.
    package var mapURL: String?
    package var timeZone: OfficeTimeZone
    /// ISO 3166-2 code of its state (`DE-SH`), for public holidays.
    package var state: String
    /// The length of one capacity unit in minutes (default 5).
    package var gridMinutes: Int
    /// Offered start times are multiples of this many minutes on the wall clock (default 10).
    package var bookingStepMinutes: Int
    /// When the office is open.
    package var openingHours: [WeeklyRule]
    /// Breaks of the whole office (lunch).
    package var breaks: [WeeklyRule]
    /// Closed days and part days, of the office or of some counters: public holidays of its
    /// state, its closure calendars and the closures of its configuration.
    package var closures: [Closure] {
        didSet { closuresByDate = Office.index(closures) }
    }
    /// `closures` by date, so that planning a day does not scan a century of holidays.
    private var closuresByDate: [LocalDate: [Closure]]
    package var counters: [Counter]
    package var booking: BookingPolicy
    package var queue: QueuePolicy
    /// How its waiting-room display announces calls.
    package var display: DisplaySettings
    /// Tickets taken from home; nil when the office hands out none.
    package var remoteTickets: RemoteTicketPolicy?

    package init(
        id: OfficeID, name: String, address: [String] = [], mapURL: String? = nil, timeZone: OfficeTimeZone,
        state: String,
        gridMinutes: Int = 5, bookingStepMinutes: Int = 10, openingHours: [WeeklyRule], breaks: [WeeklyRule] = [],
        closures: [Closure] = [], counters: [Counter], booking: BookingPolicy = BookingPolicy(),
        queue: QueuePolicy = QueuePolicy(), display: DisplaySettings = DisplaySettings(),
        remoteTickets: RemoteTicketPolicy? = nil
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.mapURL = mapURL
        self.timeZone = timeZone
        self.state = state
        self.gridMinutes = gridMinutes
        self.bookingStepMinutes = bookingStepMinutes
        self.openingHours = openingHours
        self.breaks = breaks
        self.closures = closures
        self.closuresByDate = Office.index(closures)
        self.counters = counters
        self.booking = booking
        self.queue = queue
        self.display = display
        self.remoteTickets = remoteTickets
    }

    /// The closures on `date`.
    package func closures(on date: LocalDate) -> [Closure] {
        closuresByDate[date] ?? []
    }

    private static func index(_ closures: [Closure]) -> [LocalDate: [Closure]] {
        Dictionary(grouping: closures, by: \.date)
    }

    /// The services at least one counter here can do.
    package var offeredServices: Set<ServiceID> {
        counters.reduce(into: Set()) { $0.formUnion($1.skills) }
    }
}

/// A town's whole configuration: its services and offices.
package struct Municipality: Hashable, Sendable {
    package var name: String
    package var services: [Service]
    package var groups: [ServiceGroup]
    package var offices: [Office]
    /// Days after an appointment's end after which its name, e-mail and phone are erased.
    package var retentionDays: Int
    /// Days the history keeps a configuration version and an entry of the audit log (the newest
    /// version is always kept).
    package var historyDays: Int
    /// The address citizens reach the site at (`https://termine.musterstadt.de`), for links that
    /// leave the site (the QR code on a printed ticket); nil: the address the request came to.
    package var publicURL: String?
    /// The rules for wishes (Documentation/Wishes.md).
    package var wishes: WishPolicy

    package init(
        name: String, services: [Service], groups: [ServiceGroup], offices: [Office], retentionDays: Int = 30,
        historyDays: Int = Municipality.defaultHistoryDays, publicURL: String? = nil, wishes: WishPolicy = WishPolicy()
    ) {
        self.name = name
        self.services = services
        self.groups = groups
        self.offices = offices
        self.retentionDays = retentionDays
        self.historyDays = historyDays
        self.publicURL = publicURL
        self.wishes = wishes
    }

    /// How long the history is kept when the configuration does not say (`historyDays`).
    package static let defaultHistoryDays = 180

    package func service(_ id: ServiceID) -> Service? { services.first { $0.id == id } }
    package func office(_ id: OfficeID) -> Office? { offices.first { $0.id == id } }
}

/// How an office's waiting-room display announces calls.
package struct DisplaySettings: Hashable, Sendable {
    /// Whether a call sounds a gong and is spoken (browser speech synthesis).
    package var sound: Bool
    /// Languages of the spoken announcement, in order (`de`, `en`).
    package var languages: [String]

    package init(sound: Bool = false, languages: [String] = ["de"]) {
        self.sound = sound
        self.languages = languages
    }
}
