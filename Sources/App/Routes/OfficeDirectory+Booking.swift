import Scheduling
import Storage

extension OfficeDirectory {
    /// Reads the booking of the route (off the event loop) and checks that the caller's token
    /// opens it (staff were checked by the pipeline), then continues with `body`.
    func withBooking(
        _ context: RequestContext, _ body: @escaping @Sendable (Booking, Office) throws -> Outcome
    ) throws -> Outcome {
        let id = BookingID(context.parameter("booking"))
        let office = try office(ofRecord: id.rawValue)
        return .read { connection in
            guard let found = try connection.booking(id: id), found.booking.office == office.id else {
                throw APIProblem.notFound("There is no booking \(id).")
            }
            if let token = context.caller.bookingToken, !HMAC.equal(Secrets.hash(token: token), found.tokenHash) {
                throw APIProblem.forbidden("This token does not open booking \(id).")
            }
            return try body(found.booking, office)
        }
    }
}
