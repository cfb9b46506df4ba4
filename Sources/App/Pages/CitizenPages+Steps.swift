import Display
import HTTPServer
import Scheduling
import Storage

extension CitizenPages {
    // MARK: What was chosen

    /// The services, persons and office of a query or form, checked.
    struct Chosen: Sendable {
        var services: [Service]
        var persons: Int
        var office: Office?

        var ids: [ServiceID] { services.map(\.id) }
    }

    /// Reads `service`, `persons` and (with `office`) `office`; the problems are worded in `text`,
    /// each naming the field to put right.
    func readChosen(_ fields: QueryParameters, text: CitizenText, office needed: Bool) -> (Chosen?, [FieldIssue]) {
        var issues: [FieldIssue] = []
        var ids: [ServiceID] = []
        for value in fields.values(for: "service") where !ids.contains(ServiceID(value)) {
            ids.append(ServiceID(value))
        }
        let firstField = "service-" + (offeredServices.first { serviceChoice($0).access == .online }?.id.rawValue ?? "")
        var services: [Service] = []
        for id in ids {
            guard let service = municipality.service(id) else {
                issues.append(FieldIssue(field: firstField, message: text.serviceUnknown))
                continue
            }
            switch serviceChoice(service).access {
            case .online: services.append(service)
            case .byPhone:
                issues.append(
                    FieldIssue(field: firstField, message: text.problem("service-not-bookable-online").detail))
            case .byDraw: issues.append(FieldIssue(field: firstField, message: text.problem("by-draw").detail))
            }
        }
        if ids.isEmpty { issues.append(FieldIssue(field: firstField, message: text.serviceMissing)) }
        let persons = min(20, max(1, Int(fields["persons"] ?? "") ?? 1))
        if let strictest = services.min(by: { $0.maxPersons < $1.maxPersons }), persons > strictest.maxPersons {
            issues.append(
                FieldIssue(field: "persons", message: text.tooManyPersons(strictest.name, strictest.maxPersons)))
        }
        var office: Office?
        if needed {
            let id = OfficeID(fields["office"] ?? "")
            if let found = directory.office(id), Set(ids).isSubset(of: found.offeredServices) {
                office = found
            } else {
                let first = municipality.offices.first.map { "office-" + $0.id.rawValue } ?? "office"
                issues.append(FieldIssue(field: first, message: text.officeMissing))
            }
        }
        guard issues.isEmpty else { return (nil, issues) }
        return (Chosen(services: services, persons: persons, office: office), [])
    }

    // MARK: Step 1: services

    /// `GET /` and `/en/`: the services and the number of persons.
    func servicesStep(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        let query = incoming.query
        return .reply(
            servicesPage(context, chosen: query.values(for: "service"), persons: Int(query["persons"] ?? "") ?? 1))
    }

    func servicesPage(_ context: PageContext, chosen: [String], persons: Int, issues: [FieldIssue] = []) -> Reply {
        let choices = offeredServices.map(serviceChoice)
        let most = choices.filter { $0.access == .online }.map(\.maxPersons).max() ?? 1
        return citizenPage(
            ServicesPage.html(
                language: context.language, town: municipality.name, services: choices, chosen: chosen,
                persons: min(max(1, persons), most), maxPersons: min(20, most), issues: issues,
                remoteTickets: municipality.offices.contains { $0.remoteTickets != nil }),
            status: issues.isEmpty ? 200 : 400, context)
    }

    // MARK: Step 2: documents, fees, office

    /// `GET /unterlagen?service=…&persons=…`: the checklist, the fee, and the offices that do all
    /// the services in one appointment, each with its earliest free time.
    func selectionStep(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        let query = incoming.query
        let (chosen, issues) = readChosen(query, text: context.text, office: false)
        guard let chosen else {
            return .reply(
                servicesPage(
                    context, chosen: query.values(for: "service"), persons: Int(query["persons"] ?? "") ?? 1,
                    issues: issues))
        }
        guard let peers else { return .reply(selectionPage(context, chosen, chosenOffice: query["office"])) }
        // The other instances' offices: their earliest times, as the earliest search finds them.
        let target =
            "/v1/availability/earliest?" + chosen.ids.map { "service=\($0.rawValue)" }.joined(separator: "&")
            + "&persons=\(chosen.persons)&scope=instance"
        return .later { finish in
            peers.ask(target, headers: []) { answers in
                var remote: [OfficeID: Instant] = [:]
                for case .object(let members)? in answers.map(\.json) {
                    guard case .array(let offices)? = members.first(where: { $0.key == "offices" })?.value else {
                        continue
                    }
                    for case .object(let entry) in offices {
                        guard case .string(let office)? = entry.first(where: { $0.key == "office" })?.value,
                            case .string(let start)? = entry.first(where: { $0.key == "start" })?.value,
                            let instant = RFC3339.parse(start)?.instant
                        else { continue }
                        remote[OfficeID(office)] = instant
                    }
                }
                finish(.reply(selectionPage(context, chosen, chosenOffice: query["office"], remote: remote)))
            }
        }
    }

    /// The office choice; `remote` holds the earliest times of the offices other instances serve
    /// (nil: offices without a writer here are left out).
    func selectionPage(
        _ context: PageContext, _ chosen: Chosen, chosenOffice: String?, issues: [FieldIssue] = [],
        remote: [OfficeID: Instant]? = nil
    ) -> Reply {
        let now = directory.clock()
        var choices: [OfficeSummary] = []
        for office in municipality.offices where Set(chosen.ids).isSubset(of: office.offeredServices) {
            guard let capacity = directory.capacity(office) else {
                if let remote {
                    choices.append(
                        Self.officeSummary(office, earliest: remote[office.id].map { Self.datedTime($0, in: office) }))
                }
                continue
            }
            let today = office.timeZone.local(now).date
            let availability: Availability
            do throws(SchedulingError) {
                availability = try capacity.availability(
                    services: chosen.ids, persons: chosen.persons, channel: .online, from: today,
                    to: today.adding(days: min(office.booking.window.maxAdvanceDays, OfficeSchedule.maxQueryDays - 1)),
                    now: now)
            } catch {
                continue  // no counter does them together, or the window is empty
            }
            let first = availability.days.first { !$0.startMinutes.isEmpty }?.starts.first
            choices.append(Self.officeSummary(office, earliest: first.map { Self.datedTime($0, in: office) }))
        }
        return citizenPage(
            SelectionPage.html(
                language: context.language, town: municipality.name,
                selection: selection(chosen.services, persons: chosen.persons), offices: choices,
                chosenOffice: chosenOffice, issues: issues),
            status: issues.isEmpty ? 200 : 400, context)
    }

    // MARK: Step 3: day and time

    /// `GET /zeiten?service=…&persons=…&office=…[&from=DATE][&date=DATE]`.
    func timesStep(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        let query = incoming.query
        let (chosen, issues) = readChosen(query, text: context.text, office: true)
        guard let chosen, let office = chosen.office else {
            let (services, _) = readChosen(query, text: context.text, office: false)
            if let services {
                return .reply(selectionPage(context, services, chosenOffice: nil, issues: issues))
            }
            return .reply(
                servicesPage(
                    context, chosen: query.values(for: "service"), persons: Int(query["persons"] ?? "") ?? 1,
                    issues: issues))
        }
        return .reply(
            timesPage(
                context, chosen, office: office, mode: .book, from: query["from"].flatMap { LocalDate(iso: $0) },
                date: query["date"]))
    }

    /// The times page for `chosen` at `office` from `from` (today when nil or past), showing
    /// `date`'s times; with `notice` and `nextTimes` after a time was taken.
    func timesPage(
        _ context: PageContext, _ chosen: Chosen, office: Office, mode: TimesPage.Mode, from: LocalDate?,
        date: String?, notice: Notice? = nil, nextTimes: [DatedTime] = [], status: Int = 200
    ) -> Reply {
        let now = directory.clock()
        let today = office.timeZone.local(now).date
        let last = today.adding(days: office.booking.window.maxAdvanceDays)
        // Without `from`, the page that shows `date` (a day after the first page's two weeks).
        let later = date.flatMap { LocalDate(iso: $0) }.flatMap { $0 >= today.adding(days: Self.pageDays) ? $0 : nil }
        let start = min(max(from ?? later ?? today, today), last)
        let end = start.adding(days: Self.pageDays - 1)
        var days: [DayTimes] = []
        var problem: Notice?
        var release: TimesPage.Release?
        if let capacity = directory.capacity(office) {
            do throws(SchedulingError) {
                let availability = try capacity.availability(
                    services: chosen.ids, persons: chosen.persons, channel: .online, from: start, to: end, now: now)
                days = Self.dayTimes(availability, office: office)
                if mode == .book {
                    release = self.release(chosen, office: office, next: availability.nextRelease, context)
                }
            } catch {
                problem = Self.notice(APIProblem(error, office: office), context.text)
            }
        }
        let window = TimesPage.Window(
            from: start.iso, earlier: start > today ? max(today, start.adding(days: -Self.pageDays)).iso : nil,
            later: end < last ? end.adding(days: 1).iso : nil)
        return citizenPage(
            TimesPage.html(
                language: context.language, town: municipality.name,
                selection: selection(chosen.services, persons: chosen.persons, office: office), mode: mode, days: days,
                chosenDate: date, window: window, formToken: context.formToken,
                holdMinutes: office.booking.holdMinutes, notice: notice ?? problem, nextTimes: nextTimes,
                release: release,
                wishes: municipality.wishes.isEnabled && chosen.services.allSatisfy { $0.rush == nil }),
            status: problem != nil && notice == nil ? 422 : status, context)
    }

    /// The free starts after `start` (at most `count`, within two weeks), offered when `start` was
    /// taken meanwhile.
    func nextFreeTimes(after start: Instant, _ chosen: Chosen, office: Office, count: Int = 6) -> [DatedTime] {
        guard let capacity = directory.capacity(office) else { return [] }
        let day = office.timeZone.local(start).date
        let found: Availability
        do throws(SchedulingError) {
            found = try capacity.availability(
                services: chosen.ids, persons: chosen.persons, channel: .online, from: day,
                to: day.adding(days: Self.pageDays - 1), now: directory.clock())
        } catch {
            return []
        }
        return found.days.flatMap(\.starts).filter { $0 > start }.prefix(count).map { Self.datedTime($0, in: office) }
    }

    /// The times page after `start` was taken: says so and offers the next free times (409).
    func takenPage(
        _ context: PageContext, _ chosen: Chosen, office: Office, mode: TimesPage.Mode, start: Instant,
        title: String? = nil
    ) -> Reply {
        let text = context.text
        let next = nextFreeTimes(after: start, chosen, office: office)
        let taken = Self.datedTime(start, in: office)
        let when =
            DateText.long(taken.date, context.language) + ", " + DateText.time(taken.time.label, context.language)
        let notice = Notice(
            .error, title: title ?? text.takenTitle,
            detail: next.isEmpty ? text.takenNoneDetail : text.takenDetail(when))
        return timesPage(
            context, chosen, office: office, mode: mode, from: nil, date: taken.date.iso, notice: notice,
            nextTimes: next, status: 409)
    }

    /// `POST /reservierung` (service, persons, office, start): holds the time and sends the
    /// browser to the contact step, or answers the times page with what went wrong.
    func placeHold(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        let (chosen, issues) = readChosen(form, text: context.text, office: true)
        guard let chosen, let office = chosen.office else {
            return .reply(servicesPage(context, chosen: form.values(for: "service"), persons: 1, issues: issues))
        }
        guard let start = form["start"].flatMap({ RFC3339.parse($0)?.instant }) else {
            return .reply(
                timesPage(
                    context, chosen, office: office, mode: .book, from: nil, date: nil,
                    notice: Self.notice(APIProblem(.startNotOffered), context.text), status: 422))
        }
        let caller = Caller.citizen(bookingToken: nil)
        do throws(APIProblem) {
            try rush.refuseDrawServices(chosen.ids, caller: caller)
            try rush.checkAdmission(chosen.ids, token: context.admission, caller: caller)
        } catch {
            return .reply(
                timesPage(
                    context, chosen, office: office, mode: .book, from: nil, date: nil,
                    notice: admissionNotice(error, chosen, office: office, context), status: error.status))
        }
        let wanted = SlotRequest(services: chosen.ids, persons: chosen.persons, start: start, channel: .online)
        return .command(.placeHold(wanted), to: try writer(office)) { outcome in
            switch outcome {
            case .success(.hold(let hold)):
                return .reply(seeOther(context.prefix + "/reservierung/" + HTML.pathSegment(hold.id.rawValue), context))
            case .failure(.scheduling(.slotUnavailable)):
                return .reply(takenPage(context, chosen, office: office, mode: .book, start: start))
            case .failure(let error):
                let problem = APIProblem(error, office: office)
                return .reply(
                    timesPage(
                        context, chosen, office: office, mode: .book, from: nil,
                        date: office.timeZone.local(start).date.iso, notice: Self.notice(problem, context.text),
                        status: problem.status))
            case .success:
                return .reply(messagePage(Self.notice(.internalError(), context.text), status: 500, context))
            }
        }
    }
}
