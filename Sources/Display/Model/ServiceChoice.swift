/// A service as the citizen pages offer it: what it is, how long it takes, what it costs, and
/// whether citizens can book it here.
package struct ServiceChoice: Equatable, Sendable {
    /// How a citizen gets an appointment for it.
    package enum Access: Equatable, Sendable {
        /// Bookable on these pages.
        case online
        /// Only the hotline and the counter book it.
        case byPhone
        /// Times are drawn among those who register.
        case byDraw
    }

    package var id: String
    package var name: String
    /// The name of its service group, the heading it is listed under.
    package var group: String
    package var minutesPerPerson: Int
    package var maxPersons: Int
    /// The fee per person in euro cents; nil when it varies or is not known. With several rates,
    /// the highest.
    package var feeCents: Int?
    /// The lowest rate per person where there are several; nil: one rate.
    package var lowestFeeCents: Int?
    /// Words on the fee from the configuration ("22,80 € unter 24 Jahren"), German.
    package var feeNote: String?
    package var access: Access

    package init(
        id: String, name: String, group: String, minutesPerPerson: Int, maxPersons: Int, feeCents: Int? = nil,
        lowestFeeCents: Int? = nil, feeNote: String? = nil, access: Access = .online
    ) {
        self.id = id
        self.name = name
        self.group = group
        self.minutesPerPerson = minutesPerPerson
        self.maxPersons = maxPersons
        self.feeCents = feeCents
        self.lowestFeeCents = lowestFeeCents
        self.feeNote = feeNote
        self.access = access
    }
}
