package import Scheduling
package import Storage

/// The municipality's offices and their writers, found by what requests name: an `{office}`, the
/// office a hold's or booking's id carries. Lookups that fail are 404 problems. The offices are
/// those of the configuration now (a change in the console replaces them).
package struct OfficeDirectory: Sendable {
    let configuration: LiveConfiguration
    private let writers: [OfficeID: OfficeWriter]
    let clock: @Sendable () -> Instant

    package init(
        configuration: LiveConfiguration, writers: [OfficeID: OfficeWriter], clock: @escaping @Sendable () -> Instant
    ) {
        self.configuration = configuration
        self.writers = writers
        self.clock = clock
    }

    /// The municipality now.
    package var municipality: Municipality { configuration.municipality }

    /// Every office, in the configuration's order.
    var all: [Office] { municipality.offices }

    /// The office with `id`, if there is one.
    func office(_ id: OfficeID) -> Office? { configuration.office(id) }

    /// The office named by `id`, or a 404 problem.
    func office(named id: String) throws(APIProblem) -> Office {
        guard let office = configuration.office(OfficeID(id)) else { throw .notFound("There is no office \"\(id)\".") }
        return office
    }

    /// The office of a hold or booking id.
    func office(ofRecord id: String) throws(APIProblem) -> Office {
        guard let officeID = RecordID.office(of: id), let office = configuration.office(officeID) else {
            throw .notFound("There is no record \"\(id)\".")
        }
        return office
    }

    /// The writer of the office named by `id`, or a 404 problem as `office(named:)` gives (for an
    /// office the configuration does not have now too): where a route needs only the writer and
    /// the office's id, without copying the office.
    func writer(named id: String) throws(APIProblem) -> OfficeWriter {
        let officeID = OfficeID(id)
        guard let writer = writers[officeID], configuration.hasOffice(officeID) else {
            throw .notFound("There is no office \"\(id)\".")
        }
        return writer
    }

    /// The writer of `office`.
    func writer(_ office: Office) throws(APIProblem) -> OfficeWriter {
        guard let writer = writers[office.id] else { throw .notFound("There is no office \"\(office.id)\".") }
        return writer
    }

    /// The committed capacity of `office` (what can be booked now).
    func capacity(_ office: Office) -> OfficeSchedule? { writers[office.id]?.capacity }

    /// Today's committed queue of `office` (an empty one before its writer has one).
    func queue(_ office: Office) -> OfficeQueue {
        writers[office.id]?.queueState
            ?? OfficeQueue(
                office: office, services: municipality.services, groups: municipality.groups, date: today(office))
    }

    /// The counters of `office` attended now.
    func attended(_ office: Office) -> [CounterID] {
        writers[office.id]?.capacity.countersAttended(at: clock()) ?? []
    }

    /// Today's date in `office`.
    func today(_ office: Office) -> LocalDate {
        office.timeZone.local(clock()).date
    }

    /// The service with `id`.
    func service(_ id: ServiceID) -> Service? { municipality.service(id) }
}
