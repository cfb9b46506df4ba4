import Display
import HTTPServer
import Scheduling
import Storage

extension CitizenPages {
    /// A service's draw as its pages show it; a "not found" page when the service has none.
    func drawSummary(_ request: HTTPRequest) throws -> (summary: DrawSummary, service: Service, office: Office) {
        let id = ServiceID(request.parameters["service"] ?? "")
        guard let service = municipality.service(id), let (policy, office) = rush.draw(of: id) else {
            throw APIProblem.notFound("\(id) is not handed out by a draw.")
        }
        let closesAt = policy.closesAt(in: office.timeZone)
        let closes = Self.datedTime(closesAt, in: office)
        let summary = DrawSummary(
            service: serviceChoice(service), office: Self.officeSummary(office), closesDate: closes.date,
            closesTime: closes.time.label, slotsFrom: Self.calendarDate(policy.slotsFrom),
            slotsTo: Self.calendarDate(policy.slotsTo),
            priorities: policy.priorities.map { DrawSummary.Priority(id: $0.id, name: $0.name) },
            isOpen: directory.clock() < closesAt)
        return (summary, service, office)
    }

    /// `GET /verlosung/{service}`: the registration form (or, once registration has closed, the
    /// draw with that note).
    func drawForm(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        let draw = try drawSummary(incoming.request)
        return .reply(
            citizenPage(
                DrawPage.form(
                    language: context.language, town: municipality.name, draw: draw.summary, contact: ContactEntry(),
                    priority: nil, persons: 1, formToken: context.formToken), context))
    }

    /// `POST /verlosung/{service}` (name, email, phone, priority, persons): registers (stored
    /// before it is answered) and sends the browser to the entry's own page, or shows the form
    /// again with what to put right.
    func registerForDraw(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        let draw = try drawSummary(incoming.request)
        let contact = ContactForm(name: form["name"], email: form["email"], phone: form["phone"])
        var issues = contact.issues(context.text)
        let priority = form["priority"].flatMap { value in
            draw.summary.priorities.contains { $0.id == value } ? value : nil
        }
        if priority == nil {
            issues.insert(FieldIssue(field: "priority", message: context.text.draw.priorityMissing), at: 0)
        }
        let persons = min(draw.service.maxPersons, max(1, Int(form["persons"] ?? "") ?? 1))
        @Sendable func again(_ notice: Notice?, issues: [FieldIssue], status: Int) -> Reply {
            citizenPage(
                DrawPage.form(
                    language: context.language, town: municipality.name, draw: draw.summary,
                    contact: contact.entry(issues), priority: priority, persons: persons,
                    formToken: context.formToken, notice: notice),
                status: status, context)
        }
        guard let priority, issues.isEmpty else { return .reply(again(nil, issues: issues, status: 422)) }
        let service = draw.service.id
        return .later { next in
            rush.register(service, contact: contact.contact(context.language), priority: priority, persons: persons) {
                result in
                switch result {
                case .success(let (id, token, _)):
                    let entry = DrawEntrySummary(id: id, token: token, priority: "", status: .registered)
                    next(
                        .reply(
                            seeOther(
                                context.prefix + DrawPage.entryPath(draw.summary, entry) + "&status=registered",
                                context)))
                case .failure(let problem):
                    next(.reply(again(Self.notice(problem, context.text), issues: [], status: problem.status)))
                }
            }
        }
    }

    /// Reads the entry of the route with `token` on the rush queue (it blocks there), then
    /// continues with `body`; a wrong token is answered like an entry that does not exist.
    private func withDrawEntry(
        _ request: HTTPRequest, token: String?, _ context: PageContext,
        _ body: @escaping @Sendable (DrawSummary, DrawEntrySummary) throws -> Outcome
    ) throws -> Outcome {
        let draw = try drawSummary(request)
        let id = request.parameters["entry"] ?? ""
        let gone = messagePage(
            Notice(.error, title: context.text.draw.entryGoneTitle, detail: context.text.draw.entryGoneDetail),
            status: 404, context)
        guard let token, !token.isEmpty else { return .reply(gone) }
        return .onQueue(rush.queue) {
            let entry: DrawEntry
            do throws(APIProblem) {
                entry = try rush.entry(draw.service.id, id: id, token: token)
            } catch {
                return .reply(gone)
            }
            return try body(draw.summary, entrySummary(entry, token: token, draw: draw))
        }
    }

    /// An entry as its page shows it; blocking (the booking won and the place on the waiting list
    /// are read): call it on the rush queue.
    private func entrySummary(
        _ entry: DrawEntry, token: String, draw: (summary: DrawSummary, service: Service, office: Office)
    ) -> DrawEntrySummary {
        let booking = entry.booking.flatMap { id in try? rush.database.reader.sync { try $0.booking(id: id)?.booking } }
        let priority = draw.summary.priorities.first { $0.id == entry.priority }?.name ?? entry.priority
        let status: DrawEntrySummary.Status
        switch entry.status {
        case .registered:
            status = .registered
        case .won:
            if let booking, booking.isActive {
                let start = Self.datedTime(booking.start, in: draw.office)
                status = .won(
                    DrawnBooking(
                        reference: booking.reference, date: start.date, start: start.time.label,
                        end: QueueRepresentations.clock(booking.end, in: draw.office), persons: booking.persons,
                        documents: Self.checklist([draw.service])))
            } else {
                status = .withdrawn
            }
        case .waitlisted:
            status =
                rush.waitlistPlace(entry, service: draw.service.id, office: draw.office.id).map { .waitlisted($0) }
                ?? .registered
        case .withdrawn:
            status = .withdrawn
        }
        return DrawEntrySummary(id: entry.id, token: token, priority: priority, status: status)
    }

    /// `GET /verlosung/{service}/anmeldung/{entry}?token=…[&status=registered|withdrawn]`.
    func drawEntryPage(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        let arrival = incoming.query["status"].flatMap(DrawPage.Arrival.init(rawValue:)) ?? .viewed
        let office = try drawSummary(incoming.request).office
        let hoursFrom = office.timeZone.local(directory.clock()).date
        return try withDrawEntry(incoming.request, token: incoming.query["token"], context) { draw, entry in
            var draw = draw
            draw.office = Self.officeSummary(office, hoursFrom: hoursFrom)
            return .reply(
                citizenPage(
                    DrawPage.entry(
                        language: context.language, town: municipality.name, draw: draw, entry: entry,
                        arrival: arrival), context))
        }
    }

    /// `GET /verlosung/{service}/anmeldung/{entry}/abmelden?token=…`: asks before withdrawing.
    func withdrawQuestion(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        return try withDrawEntry(incoming.request, token: incoming.query["token"], context) { draw, entry in
            let html =
                entry.status == .withdrawn
                ? DrawPage.entry(language: context.language, town: municipality.name, draw: draw, entry: entry)
                : DrawPage.confirmWithdraw(
                    language: context.language, town: municipality.name, draw: draw, entry: entry,
                    formToken: context.formToken)
            return .reply(citizenPage(html, context))
        }
    }

    /// `POST /verlosung/{service}/anmeldung/{entry}/abmelden` (token): withdraws (a time won is
    /// cancelled and offered to the waiting list) and shows the entry as withdrawn.
    func withdrawFromDraw(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        let service = ServiceID(incoming.parameter("service"))
        let id = incoming.parameter("entry")
        return try withDrawEntry(incoming.request, token: form["token"], context) { draw, entry in
            if entry.status != .withdrawn, let stored = try? rush.entry(service, id: id, token: entry.token) {
                do throws(APIProblem) {
                    try rush.withdraw(stored, service: service)
                } catch {
                    return .reply(
                        messagePage(
                            Self.notice(error, context.text), status: error.status, context,
                            link: (context.prefix + DrawPage.entryPath(draw, entry), context.text.draw.backToEntry)))
                }
            }
            return .reply(seeOther(context.prefix + DrawPage.entryPath(draw, entry) + "&status=withdrawn", context))
        }
    }
}
