/// What a printed ticket (Wartemarke) says: the number, the services, when it was drawn, how many
/// are ahead and for about how long, and what to have ready.
package struct TicketSlip: Equatable, Sendable {
    /// The office's name at the top of the slip.
    package var officeName: String
    /// The ticket number ("A017"), printed large.
    package var number: String
    /// The names of the ticket's services.
    package var services: [String]
    /// When the ticket was drawn, in the office's time ("07.12.2026, 09:41").
    package var issuedAt: String
    /// Tickets ahead of this one in its group.
    package var ahead: Int
    /// The estimated wait, in minutes.
    package var estimatedWaitMinutes: Int
    /// Whether the ticket is a checked-in booking.
    package var isAppointment: Bool
    /// The booking's start ("09:30"), for a checked-in booking.
    package var appointmentTime: String?
    /// The merged document checklist of the services.
    package var documents: [SlipDocument]
    /// A sentence for this citizen, e.g. why a late arrival got a walk-in ticket; nil for none.
    package var notice: String?
    /// The absolute address of the ticket's own page, printed as a QR code; nil for none.
    package var pageURL: String?

    /// A slip.
    package init(
        officeName: String, number: String, services: [String], issuedAt: String, ahead: Int,
        estimatedWaitMinutes: Int, isAppointment: Bool = false, appointmentTime: String? = nil,
        documents: [SlipDocument] = [], notice: String? = nil, pageURL: String? = nil
    ) {
        self.officeName = officeName
        self.number = number
        self.services = services
        self.issuedAt = issuedAt
        self.ahead = ahead
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.isAppointment = isAppointment
        self.appointmentTime = appointmentTime
        self.documents = documents
        self.notice = notice
        self.pageURL = pageURL
    }
}
