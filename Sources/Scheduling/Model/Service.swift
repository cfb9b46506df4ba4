/// What a citizen comes for (Dienstleistung), e.g. "Personalausweis beantragen".
package struct Service: Hashable, Sendable {
    package var id: ServiceID
    package var name: String
    /// Counter time needed per person, in minutes.
    package var durationMinutes: Int
    /// How many persons one booking of this service may cover.
    package var maxPersons: Int
    /// Whether citizens may book it themselves (online and kiosk); staff may always book it.
    package var bookableOnline: Bool
    /// The fee in euro cents; nil when free or varying. With several rates, the highest (the
    /// regular one).
    package var feeCents: Int?
    /// The lowest rate per person where the fee has several (22,80 € under 24 against 37,00 €);
    /// nil when there is one rate.
    package var lowestFeeCents: Int?
    /// A free-text note on the fee ("22,80 € unter 24 Jahren").
    package var feeNote: String?
    /// The key in the Leistungskatalog (LeiKa), if known.
    package var leika: String?
    /// The letter of the service group its tickets are numbered in (`A` for A017).
    package var group: String
    /// What to bring.
    package var documents: [Document]
    /// The booking window for this service, overriding the office's.
    package var window: BookingWindow?
    /// Active bookings one contact may hold for this service, overriding the office's.
    package var maxActivePerContact: Int?
    /// How scarce slots are handed out in a rush (a waiting room or a draw); nil: first come.
    package var rush: RushMode?
    /// Double opt-in for this service (as the office's `confirmByEmailMinutes`): an online
    /// booking of it must be confirmed by the e-mail's link within this many minutes.
    package var confirmByEmailMinutes: Int?

    package init(
        id: ServiceID, name: String, durationMinutes: Int, maxPersons: Int = 1, bookableOnline: Bool = true,
        feeCents: Int? = nil, lowestFeeCents: Int? = nil, feeNote: String? = nil, leika: String? = nil,
        group: String = "A",
        documents: [Document] = [], window: BookingWindow? = nil, maxActivePerContact: Int? = nil,
        rush: RushMode? = nil,
        confirmByEmailMinutes: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.durationMinutes = durationMinutes
        self.maxPersons = maxPersons
        self.bookableOnline = bookableOnline
        self.feeCents = feeCents
        self.lowestFeeCents = lowestFeeCents
        self.feeNote = feeNote
        self.leika = leika
        self.group = group
        self.documents = documents
        self.window = window
        self.maxActivePerContact = maxActivePerContact
        self.rush = rush
        self.confirmByEmailMinutes = confirmByEmailMinutes
    }
}

/// A group of services that share a ticket letter in the waiting room ("A: Pass und Ausweis").
package struct ServiceGroup: Hashable, Sendable {
    package var letter: String
    package var name: String
    /// Tickets this group may issue per day (walk-ins and check-ins); nil: no cap.
    package var dailyTicketCap: Int?

    package init(letter: String, name: String, dailyTicketCap: Int? = nil) {
        self.letter = letter
        self.name = name
        self.dailyTicketCap = dailyTicketCap
    }
}
