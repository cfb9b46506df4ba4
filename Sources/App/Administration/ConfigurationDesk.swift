import Dispatch
package import Scheduling
package import Storage

/// Changes of the configuration while the server runs (Documentation/Administration.md): a new
/// document is checked field by field, its changes and the bookings it no longer fits are shown
/// before it is saved, and saving it sends the new configuration to each office it changes, whose
/// writer rebuilds its capacity and keeps, moves or cancels those bookings in one transaction with
/// the new version. One change at a time (its own serial queue, where it may wait for the writers).
package final class ConfigurationDesk: Sendable {
    let configuration: LiveConfiguration
    let database: Database
    let clock: @Sendable () -> Instant
    /// Changes are saved one after another here.
    let queue = DispatchQueue(label: "rathaus.configuration")

    package init(configuration: LiveConfiguration, database: Database, clock: @escaping @Sendable () -> Instant) {
        self.configuration = configuration
        self.database = database
        self.clock = clock
    }

    /// A booking the new configuration no longer fits.
    package struct Affected: Sendable {
        package var booking: Booking
        package var office: Office
        package var misfit: BookingMisfit
        /// Where the core would move it now (nil: no free time in its window).
        package var proposedStart: Instant?
    }

    /// What saving a document would do.
    package struct Preview: Sendable {
        /// The version it would replace.
        package var version: Int
        package var municipality: Municipality
        package var changes: [ConfigurationDiff.Change]
        package var affected: [Affected]
        /// The offices whose configuration changes.
        package var changedOffices: [OfficeID]
    }

    /// `document` with the closure calendars of the configuration now that it names but does not
    /// bring (a change sends only new calendars).
    func completed(_ document: ConfigurationDocument) -> ConfigurationDocument {
        var complete = document
        complete.calendars = (configuration.current.document?.calendars ?? [:]).merging(document.calendars) { $1 }
        return complete
    }

    /// Checks `document` against the configuration now: a validation problem naming the field, or
    /// the municipality it describes with the offices it changes.
    func check(_ document: ConfigurationDocument) throws(APIProblem) -> (
        state: LiveConfiguration.State, next: Municipality, changed: [Office]
    ) {
        let state = configuration.current
        guard state.document != nil else {
            throw APIProblem(
                .configurationUnavailable, detail: "This server was started without a configuration document.")
        }
        let document = completed(document)
        let next: Municipality
        do {
            next = try document.municipality()
        } catch {
            throw .validation([.init(field: error.path, message: error.message)])
        }
        let before = state.municipality
        guard Set(next.offices.map(\.id)) == Set(before.offices.map(\.id)) else {
            throw .validation([
                .init(
                    field: "offices",
                    message: "offices are added or removed with a restart, not while the server runs; keep their ids")
            ])
        }
        let servicesChanged = next.services != before.services || next.groups != before.groups
        let changed = next.offices.filter { office in servicesChanged || before.office(office.id) != office }
        return (state, next, changed)
    }

    /// What saving `document` would change and whom it would affect (from the stored bookings;
    /// saving decides again with the bookings of that moment).
    func preview(_ document: ConfigurationDocument, connection: SQLiteConnection) throws -> Preview {
        let (state, next, changed) = try check(document)
        let now = clock()
        var affected: [Affected] = []
        for office in changed {
            var schedule = OfficeSchedule(office: office, services: next.services)
            let stored = try connection.activeBookings(office: office.id, endingAfter: now)
            var misfits: [(Booking, BookingMisfit)] = []
            for booking in stored {
                let placement = schedule.placement(counter: booking.counter, start: booking.start, end: booking.end)
                let value = booking.booking(
                    at: placement
                        ?? Placement(date: office.timeZone.local(booking.start).date, counterIndex: 0, units: 0..<0))
                if booking.start > now, let misfit = schedule.misfit(of: value) {
                    misfits.append((value, misfit))
                } else if let placement {
                    try? schedule.restore(booking.booking(at: placement))
                }
            }
            for (booking, misfit) in misfits {
                let start = schedule.nextFreeStart(for: booking, from: booking.start, channel: .counter, now: now)
                if let start, let placed = try? schedule.adopt(booking, at: start, channel: .counter, now: now) {
                    affected.append(
                        Affected(booking: booking, office: office, misfit: misfit, proposedStart: placed.start))
                } else {
                    affected.append(Affected(booking: booking, office: office, misfit: misfit, proposedStart: nil))
                }
            }
        }
        let changes = state.document.map { ConfigurationDiff.changes(from: $0.root, to: document.root) } ?? []
        return Preview(
            version: state.version, municipality: next, changes: changes, affected: affected,
            changedOffices: changed.map(\.id))
    }

    /// What saving did.
    package struct Saved: Sendable {
        package var version: Int
        package var results: [(office: OfficeID, result: ReconfigurationResult)]
    }

    /// Saves `document` as the next version, if the configuration is still at `expected` (the
    /// version the caller previewed; nil: any). Blocking: call it on `queue`.
    func save(
        _ given: ConfigurationDocument, decisions: [BookingID: Reconfiguration.Decision], expected: Int?,
        actor: StaffActor
    ) throws -> Saved {
        let document = completed(given)
        let (state, next, changed) = try check(document)
        if let expected, expected != state.version {
            throw APIProblem(
                .preconditionFailed,
                detail:
                    "The configuration changed since you read it (now version \(state.version)); read it again and repeat the change.",
                extensions: [("etag", "\"\(state.version)\"")])
        }
        let number = state.version + 1
        let previous = state.document?.root ?? .null
        let version = ConfigurationVersion(
            number: number, at: clock(), actor: actor.id, source: .console,
            summary: ConfigurationDiff.summary(from: previous, to: document.root), document: document.bytes,
            calendars: document.calendars)
        var results: [(OfficeID, ReconfigurationResult)] = []
        for (index, office) in changed.enumerated() {
            guard let writer = database.writers[office.id] else { continue }
            let change = Reconfiguration(
                office: office, services: next.services, groups: next.groups, decisions: decisions,
                version: index == 0 ? version : nil, versionNumber: number)
            switch writer.perform(.reconfigure(change), actor: actor) {
            case .success(.reconfigured(let result)):
                results.append((office.id, result))
            case .success:
                throw APIProblem.internalError()
            case .failure(let error):
                guard index == 0 else { throw error }  // later offices: the version is stored; see the log
                throw APIProblem(error, office: office)
            }
        }
        if changed.isEmpty {
            try database.committer.withConnection { connection in
                try connection.transaction(.immediate) { try connection.insertConfigurationVersion(version) }
            }
        }
        configuration.replace(with: LiveConfiguration.State(municipality: next, version: number, document: document))
        return Saved(version: number, results: results)
    }
}
