import ICalendar
package import Scheduling

/// Turns a municipality's JSON configuration into the scheduling core's values, checking every
/// field; Documentation/Configuration.md ("The municipality file") documents the format.
package enum MunicipalityDecoder {
    /// The sixteen German states (ISO 3166-2:DE), whose public holidays an office observes.
    package static let states: [String] = [
        "DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-RP", "DE-SL",
        "DE-SN", "DE-ST", "DE-SH", "DE-TH",
    ]

    /// Grid lengths that divide an hour, so that daylight-saving shifts stay on the grid.
    package static let gridChoices = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60]

    /// The years for which public holidays and closure calendars become closures.
    package static let closureYears = 2000...2100

    /// Reads a closure calendar named in the configuration: the file's text, or a message why not.
    package typealias CalendarReader = (String) -> Result<String, CalendarFileError>

    /// Why a closure calendar could not be read.
    package struct CalendarFileError: Error {
        package var message: String
        package init(_ message: String) { self.message = message }
    }

    /// Decodes `root`; `readCalendar` supplies the text of the `.ics` files offices name (none may
    /// be named when it is nil); `warn` gets a line for each thing in them read with a fallback
    /// (an unknown time zone, …), starting with the path of the field that names the file.
    package static func decode(
        _ root: JSONValue, readCalendar: CalendarReader? = nil, warn: (String) -> Void = { _ in }
    ) throws(JSONPathError) -> Municipality {
        var object = try JSONReader(root).object()
        let name = try object.required("municipality").text(maxLength: 200)
        let retentionDays = try object.optional("retentionDays")?.int(in: 1...3650) ?? 30
        let historyDays =
            try object.optional("historyDays")?.int(in: 1...3650) ?? Municipality.defaultHistoryDays
        let groups = try (object.optional("groups")?.array() ?? []).map(group)
        var letters = Set<String>()
        for (index, group) in groups.enumerated() where !letters.insert(group.letter).inserted {
            throw JSONPathError(path: "groups[\(index)].letter", message: "letter \"\(group.letter)\" used twice")
        }
        let serviceReaders = try object.required("services").array()
        guard !serviceReaders.isEmpty else { throw JSONPathError(path: "services", message: "must not be empty") }
        var services: [Service] = []
        for reader in serviceReaders {
            let service = try service(reader, groups: letters)
            guard !services.contains(where: { $0.id == service.id }) else {
                throw JSONPathError(path: reader.path + ".id", message: "service \"\(service.id)\" defined twice")
            }
            services.append(service)
        }
        let serviceIDs = Set(services.map(\.id))
        let officeReaders = try object.required("offices").array()
        guard !officeReaders.isEmpty else { throw JSONPathError(path: "offices", message: "must not be empty") }
        var offices: [Office] = []
        for reader in officeReaders {
            let office = try office(reader, services: serviceIDs, readCalendar: readCalendar, warn: warn)
            guard !offices.contains(where: { $0.id == office.id }) else {
                throw JSONPathError(path: reader.path + ".id", message: "office \"\(office.id)\" defined twice")
            }
            offices.append(office)
        }
        let publicURL = try object.optional("publicURL").map(publicURL)
        // Checked here so that `rathaus check` names a wrong field; `MailSettings` reads it again.
        if let mail = object.optional("mail") { _ = try MailSettings.decode(mail) }
        let wishes = try object.optional("wishes").map(wishPolicy) ?? WishPolicy()
        try object.finish()
        try checkRemoteTickets(offices, services: services, path: "offices")
        let done = offices.reduce(into: Set<ServiceID>()) { $0.formUnion($1.offeredServices) }
        if let index = services.firstIndex(where: { !done.contains($0.id) }) {
            throw JSONPathError(
                path: "services[\(index)]",
                message: "no counter of any office does service \"\(services[index].id)\"; add it to a counter's skills"
            )
        }
        for (index, service) in services.enumerated() {
            switch service.rush {
            case .draw(let draw):
                guard let office = offices.first(where: { $0.id == draw.office }),
                    office.offeredServices.contains(service.id)
                else {
                    throw JSONPathError(
                        path: "services[\(index)].draw.office",
                        message: "office \"\(draw.office)\" does not offer this service")
                }
            case .waitingRoom:
                let windows =
                    [service.window]
                    + offices.filter { $0.offeredServices.contains(service.id) }.map { $0.booking.window }
                guard windows.contains(where: { $0?.weeklyRelease != nil || $0?.releaseTime != nil }) else {
                    throw JSONPathError(
                        path: "services[\(index)].waitingRoom",
                        message: "a waiting room needs a release: set window.weeklyRelease or a releaseTime")
                }
            case nil:
                break
            }
        }
        // Groups named only by services get a plain entry, so every ticket letter has a group.
        var allGroups = groups
        for letter in Set(services.map(\.group)).subtracting(letters).sorted() {
            allGroups.append(ServiceGroup(letter: letter, name: letter))
        }
        return Municipality(
            name: name, services: services, groups: allGroups, offices: offices, retentionDays: retentionDays,
            historyDays: historyDays, publicURL: publicURL, wishes: wishes)
    }

    // MARK: Offices

    static func office(
        _ reader: JSONReader, services: Set<ServiceID>, readCalendar: CalendarReader?, warn: (String) -> Void = { _ in }
    )
        throws(JSONPathError) -> Office
    {
        var object = try reader.object()
        let id = try identifier(object.required("id"))
        let zoneReader = object.optional("timeZone")
        let zoneName = try zoneReader?.string() ?? "Europe/Berlin"
        guard let zone = OfficeTimeZone(identifier: zoneName) else {
            throw zoneReader?.fail("unknown time zone \"\(zoneName)\"")
                ?? JSONPathError(path: reader.path, message: "unknown time zone")
        }
        let stateReader = try object.required("state")
        let state = try stateReader.string()
        guard states.contains(state) else {
            throw stateReader.fail("unknown state \"\(state)\"; use an ISO 3166-2 code such as DE-SH")
        }
        let gridReader = object.optional("gridMinutes")
        let grid = try gridReader?.int(in: 1...60) ?? 5
        guard gridChoices.contains(grid) else {
            throw gridReader?.fail(
                "must divide an hour: one of \(gridChoices.map(String.init).joined(separator: ", "))")
                ?? JSONPathError(path: reader.path, message: "bad grid")
        }
        let stepReader = object.optional("bookingStepMinutes")
        let step = try stepReader?.int(in: 1...240) ?? max(10, grid)
        guard step % grid == 0 else {
            throw stepReader?.fail("must be a multiple of gridMinutes (\(grid))")
                ?? JSONPathError(path: reader.path, message: "bad step")
        }
        let hoursReaders = try object.required("openingHours").array()
        let hours = try hoursReaders.map { reader throws(JSONPathError) in try rule(reader, withContingent: false) }
        try refuseOverlaps(hours, readers: hoursReaders)
        let breaks = try (object.optional("breaks")?.array() ?? []).map { reader throws(JSONPathError) in
            try rule(reader, withContingent: false)
        }
        let counterReaders = try object.required("counters").array()
        guard !counterReaders.isEmpty else {
            throw JSONPathError(path: reader.path + ".counters", message: "must not be empty")
        }
        guard counterReaders.count <= OfficeSchedule.maxCounters else {
            throw JSONPathError(
                path: reader.path + ".counters",
                message: "at most \(OfficeSchedule.maxCounters) counters per office, got \(counterReaders.count)")
        }
        var counters: [Counter] = []
        for counterReader in counterReaders {
            let counter = try counter(counterReader, services: services)
            guard !counters.contains(where: { $0.id == counter.id }) else {
                throw JSONPathError(
                    path: counterReader.path + ".id", message: "counter \"\(counter.id)\" defined twice")
            }
            counters.append(counter)
        }
        let counterIDs = Set(counters.map(\.id))
        var closures = try (object.optional("closures")?.array() ?? []).map { reader throws(JSONPathError) in
            try closure(reader, counters: counterIDs)
        }
        let dates =
            LocalDate(year: closureYears.lowerBound, month: 1, day: 1)!...LocalDate(
                year: closureYears.upperBound, month: 12, day: 31)!
        var calendars: [HolidayCalendar] = []
        if let stateCalendar = GermanState(code: state).map(HolidayCalendar.state) { calendars.append(stateCalendar) }
        for calendarReader in try object.optional("holidayCalendars")?.array() ?? [] {
            let identifier = try calendarReader.string()
            guard let calendar = HolidayCalendar(identifier: identifier) else {
                throw calendarReader.fail("unknown holiday calendar \"\(identifier)\"")
            }
            calendars.append(calendar)
        }
        for calendar in calendars {
            closures += calendar.closures(in: dates).map { Closure(occurrence: $0) }
        }
        for fileReader in try object.optional("closureCalendars")?.array() ?? [] {
            let file = try fileReader.text()
            guard let readCalendar else { throw fileReader.fail("closure calendars cannot be read here") }
            let text: String
            switch readCalendar(file) {
            case .success(let contents): text = contents
            case .failure(let error): throw fileReader.fail("\(file): \(error.message)")
            }
            do {
                let read = try ICalendarClosures.closures(from: text, zone: zone, dates: dates)
                closures += read.closures.map { Closure(occurrence: $0) }
                for warning in read.warnings {
                    warn("\(fileReader.path): \(file): \(warning)")
                }
            } catch {
                throw fileReader.fail("\(file): \(error)")
            }
        }
        var booking = BookingPolicy()
        if var policy = try object.optional("booking")?.object() {
            booking = try bookingPolicy(&policy)
            try policy.finish()
        }
        var queue = QueuePolicy()
        if var policy = try object.optional("queue")?.object() {
            queue = try queuePolicy(&policy)
            try policy.finish()
        }
        var display = DisplaySettings()
        if var settings = try object.optional("display")?.object() {
            display.sound = try settings.optional("sound")?.bool() ?? false
            if let languages = settings.optional("languages") {
                display.languages = []
                for reader in try languages.array() {
                    let language = try reader.string()
                    guard ["de", "en"].contains(language) else {
                        throw reader.fail("announcements are in de or en, not \"\(language)\"")
                    }
                    display.languages.append(language)
                }
            }
            try settings.finish()
        }
        let office = Office(
            id: OfficeID(id), name: try object.required("name").text(maxLength: 200),
            address: try (object.optional("address")?.array() ?? []).map { reader throws(JSONPathError) in
                try reader.text(maxLength: 200)
            }, mapURL: try object.optional("mapURL").map(httpsURL), timeZone: zone, state: state, gridMinutes: grid,
            bookingStepMinutes: step, openingHours: hours,
            breaks: breaks, closures: closures, counters: counters, booking: booking, queue: queue, display: display,
            remoteTickets: try object.optional("remoteTickets").map(remoteTickets))
        try object.finish()
        return office
    }

    static func bookingPolicy(_ object: inout JSONObjectReader) throws(JSONPathError) -> BookingPolicy {
        let defaults = BookingPolicy()
        return BookingPolicy(
            window: try window(&object, defaults: defaults.window),
            holdMinutes: try object.optional("holdMinutes")?.int(in: 1...120) ?? defaults.holdMinutes,
            maxHoldExtensions: try object.optional("maxHoldExtensions")?.int(in: 0...10) ?? defaults.maxHoldExtensions,
            cancellationHoldBackMinutes: try object.optional("cancellationHoldBackMinutes")?.int(in: 0...10_080)
                ?? defaults.cancellationHoldBackMinutes,
            maxActivePerContact: try object.optional("maxActivePerContact")?.int(in: 1...100)
                ?? defaults.maxActivePerContact,
            confirmByEmailMinutes: try object.optional("confirmByEmailMinutes")?.int(in: 1...10_080))
    }

    static func queuePolicy(_ object: inout JSONObjectReader) throws(JSONPathError) -> QueuePolicy {
        let defaults = QueuePolicy()
        return QueuePolicy(
            earlyMinutes: try object.optional("earlyMinutes")?.int(in: 0...240) ?? defaults.earlyMinutes,
            lateMinutes: try object.optional("lateMinutes")?.int(in: 0...240) ?? defaults.lateMinutes,
            checkInOpensMinutes: try object.optional("checkInOpensMinutes")?.int(in: 0...720)
                ?? defaults.checkInOpensMinutes,
            agingMinutes: try object.optional("agingMinutes")?.int(in: 1...720) ?? defaults.agingMinutes,
            maxRecalls: try object.optional("maxRecalls")?.int(in: 0...10) ?? defaults.maxRecalls,
            lateArrivalGetsWalkIn: try object.optional("lateArrivalGetsWalkIn")?.bool()
                ?? defaults.lateArrivalGetsWalkIn,
            estimateSampleSize: try object.optional("estimateSampleSize")?.int(in: 1...1000)
                ?? defaults.estimateSampleSize)
    }

    static func counter(_ reader: JSONReader, services: Set<ServiceID>) throws(JSONPathError) -> Counter {
        var object = try reader.object()
        let id = try identifier(object.required("id"))
        var skills = Set<ServiceID>()
        let skillReaders = try object.required("skills").array()
        guard !skillReaders.isEmpty else {
            throw JSONPathError(path: reader.path + ".skills", message: "must not be empty")
        }
        for skillReader in skillReaders {
            let skill = ServiceID(try skillReader.string())
            guard services.contains(skill) else { throw skillReader.fail("unknown service \"\(skill)\"") }
            skills.insert(skill)
        }
        let hourReaders = try object.optional("hours")?.array() ?? []
        let hours = try hourReaders.map { reader throws(JSONPathError) in try rule(reader, withContingent: true) }
        try refuseOverlaps(hours, readers: hourReaders)
        let counter = Counter(
            id: CounterID(id), name: try object.required("name").text(maxLength: 100), skills: skills,
            hours: hours,
            contingent: try object.optional("openTo").map(contingent) ?? .online,
            breaks: try (object.optional("breaks")?.array() ?? []).map { reader throws(JSONPathError) in
                try rule(reader, withContingent: false)
            })
        try object.finish()
        return counter
    }

    static func rule(_ reader: JSONReader, withContingent: Bool) throws(JSONPathError) -> WeeklyRule {
        var object = try reader.object()
        var weekdays = Set<Weekday>()
        let dayReaders = try object.required("days").array()
        guard !dayReaders.isEmpty else {
            throw JSONPathError(path: reader.path + ".days", message: "must not be empty")
        }
        for dayReader in dayReaders {
            let key = try dayReader.string()
            guard let day = Weekday(key: key) else {
                throw dayReader.fail("unknown day \"\(key)\"; use mon, tue, wed, thu, fri, sat, sun")
            }
            weekdays.insert(day)
        }
        let from = try time(object.required("from"))
        let toReader = try object.required("to")
        let to = try time(toReader)
        guard from < to else { throw toReader.fail("must be after \"from\" (\(from.hhmm))") }
        let validFrom = try object.optional("validFrom").map(date)
        let untilReader = object.optional("validUntil")
        let validUntil = try untilReader.map(date)
        if let validFrom, let validUntil, validUntil < validFrom, let untilReader {
            throw untilReader.fail("must not be before validFrom")
        }
        let rule = WeeklyRule(
            weekdays: weekdays, from: from, to: to, validFrom: validFrom, validUntil: validUntil,
            everyWeeks: try object.optional("everyWeeks")?.int(in: 1...8) ?? 1,
            anchor: try object.optional("anchor").map(date),
            contingent: withContingent ? try object.optional("openTo").map(contingent) ?? .online : .online)
        try object.finish()
        return rule
    }

    static func closure(_ reader: JSONReader, counters: Set<CounterID>) throws(JSONPathError) -> Closure {
        var object = try reader.object()
        let day = try date(object.required("date"))
        let from = try object.optional("from").map(time)
        let toReader = object.optional("to")
        let to = try toReader.map(time)
        if let from, let to, to <= from, let toReader { throw toReader.fail("must be after \"from\" (\(from.hhmm))") }
        var closed = Set<CounterID>()
        for counterReader in try object.optional("counters")?.array() ?? [] {
            let id = CounterID(try counterReader.string())
            guard counters.contains(id) else { throw counterReader.fail("unknown counter \"\(id)\"") }
            closed.insert(id)
        }
        let closure = Closure(
            date: day, from: from, to: to, reason: try object.optional("reason")?.text(maxLength: 200) ?? "geschlossen",
            counters: closed)
        try object.finish()
        return closure
    }

}
