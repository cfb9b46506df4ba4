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
        /// The municipality now, and its document.
        package var before: Municipality
        package var previous: JSONValue
        /// The municipality the document describes.
        package var municipality: Municipality
        package var changes: [ConfigurationDiff.Change]
        package var affected: [Affected]
        /// The offices whose configuration changes.
        package var changedOffices: [OfficeID]
        /// Whether it changes the parts that belong to no office (services, groups, settings).
        package var townWide: Bool
    }

    /// `document` with the closure calendars of the configuration now that it names but does not
    /// bring (a change sends only new calendars).
    func completed(_ document: ConfigurationDocument) -> ConfigurationDocument {
        var complete = document
        complete.calendars = (configuration.current.document?.calendars ?? [:]).merging(document.calendars) { $1 }
        return complete
    }

    /// What a checked document is: the configuration it replaces, the municipality it describes,
    /// the offices whose configuration it changes, and whether it changes the parts that belong
    /// to no office (services, groups, the town's settings).
    struct Checked {
        var state: LiveConfiguration.State
        var next: Municipality
        var changed: [Office]
        var townWide: Bool
    }

    /// Checks `document` against the configuration now: a validation problem naming the field
    /// where it cannot be read, then whether `caller` (when given) may make the change
    /// (`AdministrationAccess`), then the console's own checks; or what it is.
    func check(_ document: ConfigurationDocument, caller: Caller? = nil) throws(APIProblem) -> Checked {
        let state = configuration.current
        guard let current = state.document else {
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
        let townWide = document.root.setting("offices", to: nil) != current.root.setting("offices", to: nil)
        let servicesChanged = next.services != before.services || next.groups != before.groups
        let changed = next.offices.filter { office in servicesChanged || before.office(office.id) != office }
        if let caller {
            try AdministrationAccess.authorize(caller, offices: changed.map(\.id), townWide: townWide)
        }
        let errors = newClosuresClosingNothing(document, previous: current, next: next)
        guard errors.isEmpty else { throw .validation(errors) }
        return Checked(state: state, next: next, changed: changed, townWide: townWide)
    }

    /// The closures `document` adds (not in `previous`) on today or later that close nothing: no
    /// counter they name (or none at all) is attended then, with the other closures of the
    /// document that are not new still in place. Such a closure is a wrong date or time more
    /// often than not.
    func newClosuresClosingNothing(
        _ document: ConfigurationDocument, previous: ConfigurationDocument, next: Municipality
    ) -> [APIProblem.FieldError] {
        var errors: [APIProblem.FieldError] = []
        for (officeIndex, item) in (document.root["offices"]?.items ?? []).enumerated() {
            guard let id = item["id"]?.stringValue, let office = next.office(OfficeID(id)) else { continue }
            let old = previous.office(OfficeID(id))?["closures"]?.items ?? []
            let counters = Set(office.counters.map(\.id))
            var added: [(index: Int, closure: Closure)] = []
            for (index, value) in (item["closures"]?.items ?? []).enumerated() where !old.contains(value) {
                let reader = JSONReader(value, path: "offices[\(officeIndex)].closures[\(index)]")
                if let closure = try? MunicipalityDecoder.closure(reader, counters: counters) {
                    added.append((index, closure))
                }
            }
            guard !added.isEmpty else { continue }
            var base = office
            let new = Set(added.map(\.closure))
            base.closures = office.closures.filter { !new.contains($0) }
            let today = office.timeZone.local(clock()).date
            for (index, closure) in added where closure.date >= today {
                guard
                    !base.isAttended(on: closure.date, from: closure.from, to: closure.to, counters: closure.counters)
                else { continue }
                let what =
                    closure.counters.isEmpty
                    ? "the office" : "counter " + closure.counters.map(\.rawValue).sorted().joined(separator: ", ")
                errors.append(
                    .init(
                        field: "offices[\(officeIndex)].closures[\(index)]",
                        message: "closes nothing: \(what) is not open at that time on \(closure.date.iso)"))
            }
        }
        return errors
    }

    /// What saving `document` would change and whom it would affect (from the stored bookings;
    /// saving decides again with the bookings of that moment).
    func preview(_ document: ConfigurationDocument, caller: Caller?, connection: SQLiteConnection) throws -> Preview {
        let checked = try check(document, caller: caller)
        let (state, next, changed) = (checked.state, checked.next, checked.changed)
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
            version: state.version, before: state.municipality, previous: state.document?.root ?? .null,
            municipality: next, changes: changes,
            affected: affected, changedOffices: changed.map(\.id), townWide: checked.townWide)
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
        caller: Caller
    ) throws -> Saved {
        let document = completed(given)
        let checked = try check(document, caller: caller)
        let (state, next, changed) = (checked.state, checked.next, checked.changed)
        let actor = caller.actor ?? StaffActor(id: "unknown", role: "admin")
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
