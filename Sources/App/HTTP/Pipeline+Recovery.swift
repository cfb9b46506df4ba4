import Scheduling
import Storage

extension Pipeline {
    /// The result a change recorded under an idempotency key had, rebuilt from what it made, for
    /// a retry after the process stopped before the first answer was stored: the booking with its
    /// token, the hold (gone by now: not found), the ticket as it is now with its page's key.
    func recover(
        _ recorded: IdempotentOutcome, token: String?, writer: OfficeWriter,
        completion: @escaping @Sendable (Result<OfficeOutcome, WriterError>) -> Void
    ) {
        switch recorded {
        case .booking(let id):
            reader.async { connection in
                guard let found = try? connection.booking(id: id) else {
                    completion(.failure(.scheduling(.bookingNotFound(id))))
                    return
                }
                completion(.success(.booking(found.booking, token: token)))
            }
        case .hold(let id), .holdReleased(let id):
            reader.async { connection in
                guard let stored = try? connection.storedHold(id: id) else {
                    completion(.failure(.scheduling(.holdNotFound(id))))
                    return
                }
                let day = writer.office.timeZone.local(stored.start).date
                completion(.success(.hold(stored.hold(at: Placement(date: day, counterIndex: 0, units: 0..<0)))))
            }
        case .ticket(let id):
            let queue = writer.queueState
            guard let ticket = queue.ticket(id), let event = queue.events.last(where: { $0.ticket == id }) else {
                completion(.failure(.queue(.ticketNotFound(id))))
                return
            }
            completion(.success(.queue(event, ticket, pageKey: token)))
        case .nobodyWaiting:
            completion(.success(.nobodyWaiting))
        }
    }
}
