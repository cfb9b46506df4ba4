import HTTPServer
import Scheduling
import Storage

/// A request for one office's statistics: the office, the days and the waiting-time target, read
/// and checked the same way by the API and the page's report.
struct StatisticsQuery: Sendable {
    /// Who may read statistics: office managers of the office (signed in, or an integration's
    /// token) and administrators; the one place every statistics route takes its access from.
    static let access = Contract.Access.staff([.officeManager], office: .path)

    /// The longest range one request may ask for.
    static let maxDays = 3660
    /// The waiting-time target when none is given, in minutes.
    static let defaultTargetMinutes = 20

    static let parameters = [
        QueryParameter("from", schema: OpenAPIText.date, description: "First day (default: the first of last month)"),
        QueryParameter(
            "to", schema: OpenAPIText.date,
            description: "Last day, included (default: the last of last month; at most \(maxDays) days)"),
        QueryParameter(
            "target", schema: #"{"type":"integer","minimum":1,"maximum":600,"default":20}"#,
            description: "The waiting-time target in minutes: the share of waits over it is reported"),
    ]

    let office: Office
    let services: [ServiceID: Service]
    /// Every service, for the releases' slots (in the municipality's order).
    let allServices: [Service]
    let from: LocalDate
    let through: LocalDate
    let today: LocalDate
    let now: Instant
    let targetMinutes: Int

    init(_ context: RequestContext, directory: OfficeDirectory) throws {
        office = try directory.office(named: context.parameter("office"))
        allServices = directory.municipality.services
        services = Dictionary(allServices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        now = directory.clock()
        today = office.timeZone.local(now).date
        let lastMonth = Self.lastMonth(before: today)
        var errors: [APIProblem.FieldError] = []
        func date(_ name: String, _ fallback: LocalDate) -> LocalDate {
            guard let text = context.query[name] else { return fallback }
            guard let date = LocalDate(iso: text) else {
                errors.append(.init(field: name, message: "must be a date YYYY-MM-DD"))
                return fallback
            }
            return date
        }
        from = date("from", lastMonth.lowerBound)
        through = date("to", lastMonth.upperBound)
        if let text = context.query["target"] {
            if let minutes = Int(text), (1...600).contains(minutes) {
                targetMinutes = minutes
            } else {
                errors.append(.init(field: "target", message: "must be a whole number of minutes from 1 to 600"))
                targetMinutes = Self.defaultTargetMinutes
            }
        } else {
            targetMinutes = Self.defaultTargetMinutes
        }
        if errors.isEmpty, through < from {
            errors.append(.init(field: "to", message: "must not be before from"))
        }
        if errors.isEmpty, from.days(until: through) >= Self.maxDays {
            errors.append(.init(field: "to", message: "at most \(Self.maxDays) days in one request"))
        }
        if !errors.isEmpty { throw APIProblem.validation(errors) }
    }

    /// The first and last day of the month before `today`'s.
    static func lastMonth(before today: LocalDate) -> ClosedRange<LocalDate> {
        let firstOfThisMonth = today.adding(days: 1 - today.day)
        let lastOfPrevious = firstOfThisMonth.adding(days: -1)
        return lastOfPrevious.adding(days: 1 - lastOfPrevious.day)...lastOfPrevious
    }

    /// The report, read on `connection` (the reading connection's queue): the days' digests
    /// added up, and the scarce releases of the range.
    func report(_ connection: SQLiteConnection) throws -> StatisticsReport {
        let days = try connection.statistics(
            office: office, services: services, from: from, through: through, today: today)
        var report = try StatisticsReport(days: days, from: from, through: through, targetSeconds: targetMinutes * 60)
        report.releases = try releases(connection)
        return report
    }

    /// The figures of the office's waiting-room releases and draws whose moment lies in the
    /// range (Documentation/Statistics.md, "Scarce releases").
    func releases(_ connection: SQLiteConnection) throws -> [ReleaseFigures] {
        let releases = ScarceRelease.releases(
            at: office, services: allServices, from: from, through: through, now: now)
        guard !releases.isEmpty else { return [] }
        let slots = ScarceRelease.slots(of: releases, office: office, services: allServices)
        return try zip(releases, slots).map { release, slots in
            let registrations =
                release.kind == .draw
                ? try connection.drawEntryCount(
                    DrawKey(service: release.service, office: office.id, closesAt: release.at))
                : try connection.waitingRoomEntrantCount(service: release.service, releaseAt: release.at)
            return release.figures(
                slots: slots, registrations: registrations,
                bookings: try connection.releaseBookings(
                    office: office.id, service: release.service, days: release.days),
                slotSeconds: ScarceRelease.slotSeconds(of: release.service, at: office, services: allServices))
        }
    }
}
