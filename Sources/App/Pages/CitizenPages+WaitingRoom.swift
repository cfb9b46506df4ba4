import Display
import HTTPServer
import Scheduling
import Storage

extension CitizenPages {
    /// The choice a waiting room's page carries on to the times: the services chosen together
    /// (the room's among them), the persons and the office.
    struct RoomChoice: Sendable {
        var service: Service
        var services: [Service]
        var persons: Int
        var office: Office

        /// `service=a&service=b&persons=1&office=o`.
        var query: String {
            (services.map { "service=" + HTML.pathSegment($0.id.rawValue) }
                + ["persons=\(persons)", "office=" + HTML.pathSegment(office.id.rawValue)])
                .joined(separator: "&")
        }
    }

    /// The room's service and the choice read from a query or form, falling back to the room's
    /// service alone at its office for one person; nil (a "not found" page) without a room.
    func roomChoice(_ request: HTTPRequest, _ fields: QueryParameters) throws -> (RoomChoice, WaitingRoomPolicy) {
        let id = ServiceID(request.parameters["service"] ?? "")
        guard let service = municipality.service(id), let (policy, roomOffice) = rush.roomOffice(id) else {
            throw APIProblem.notFound("There is no waiting room for \(id).")
        }
        var services = [service]
        for value in fields.values(for: "service") {
            if let other = municipality.service(ServiceID(value)), !services.contains(where: { $0.id == other.id }),
                serviceChoice(other).access == .online
            {
                services.append(other)
            }
        }
        let wanted = directory.office(OfficeID(fields["office"] ?? ""))
        let office =
            wanted.flatMap { Set(services.map(\.id)).isSubset(of: $0.offeredServices) ? $0 : nil } ?? roomOffice
        if office.id != wanted?.id { services = [service] }
        let most = services.map(\.maxPersons).min() ?? 1
        let persons = min(most, max(1, Int(fields["persons"] ?? "") ?? 1))
        return (RoomChoice(service: service, services: services, persons: persons, office: office), policy)
    }

    /// `GET /warteraum/{service}`: the room, and where the citizen stands in it (the entrant's
    /// secret comes in the cookie `rathaus_room`). Once admitted, the admission is set as the
    /// cookie `rathaus_admission` that the booking steps send on.
    func roomPage(_ incoming: RequestContext) throws -> Outcome {
        var context = pageContext(incoming.request)
        let (choice, policy) = try roomChoice(incoming.request, incoming.query)
        let service = choice.service.id
        let now = directory.clock()
        guard let view = rush.room(service, now: now) else {
            return .reply(roomReply(context, choice, policy, releaseAt: now, state: .closed, refresh: 30))
        }
        let zone = choice.office.timeZone
        func clock(_ instant: Instant) -> String { QueueRepresentations.clock(instant, in: choice.office) }
        func seconds(until instant: Instant, most: Int = 30) -> Int {
            min(most, max(5, Int(now.seconds(until: instant)) + 1))
        }
        if let entry = RoomCookies.entry(of: incoming.request), let seen = rush.status(service, entry: entry) {
            var state: WaitingRoomPage.State?
            var refresh = 30
            switch seen.status {
            case .waiting(nil, _):
                state = .waiting
                refresh = seconds(until: view.releaseAt)
            case .waiting(let place?, let admissionAt):
                let at = admissionAt ?? view.releaseAt
                state = .queued(
                    place: place + 1, admission: clock(at), minutes: Int((now.seconds(until: at) + 59) / 60))
                refresh = seconds(until: at)
            case .admitted(_, let until):
                state = .admitted(until: clock(until))
                if let token = seen.token {
                    context.cookies.append(
                        RoomCookies.keepAdmission(
                            token, seconds: Int(now.seconds(until: until)), request: incoming.request))
                }
            case .expired:
                state = .expired
            case .unknown:
                state = nil
            }
            if let state {
                return .reply(
                    roomReply(context, choice, policy, releaseAt: view.releaseAt, state: state, refresh: refresh))
            }
        }
        let state: WaitingRoomPage.State
        var refresh = 30
        if now < view.opensAt {
            let opens = zone.local(view.opensAt)
            state = .notOpen(Self.calendarDate(opens.date), clock(view.opensAt))
            refresh = seconds(until: view.opensAt, most: 60)
        } else if now >= view.closesAt {
            state = .closed
        } else {
            state = .joinable
        }
        return .reply(roomReply(context, choice, policy, releaseAt: view.releaseAt, state: state, refresh: refresh))
    }

    /// `POST /warteraum/{service}`: enters the room (stored before it is answered), keeps the
    /// entrant's secret in the cookie `rathaus_room` and returns to the room's page.
    func joinRoom(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        let (choice, policy) = try roomChoice(incoming.request, form)
        let service = choice.service.id
        let request = incoming.request
        return .later { next in
            rush.join(service) { result in
                switch result {
                case .success(let entry):
                    var answer = context
                    answer.cookies = RoomCookies.keepEntry(entry, service: service, request: request)
                    next(.reply(seeOther(roomPath(choice, context), answer)))
                case .failure(let problem):
                    let now = directory.clock()
                    let view = rush.room(service, now: now)
                    let releaseAt = view?.releaseAt ?? now
                    var state = WaitingRoomPage.State.closed
                    if let view, problem.kind == .waitingRoomNotOpen {
                        let opens = Self.datedTime(view.opensAt, in: choice.office)
                        state = .notOpen(opens.date, opens.time.label)
                    }
                    next(
                        .reply(
                            roomReply(
                                context, choice, policy, releaseAt: releaseAt, state: state, refresh: 30,
                                notice: Self.notice(problem, context.text), status: problem.status)))
                }
            }
        }
    }

    /// The room's page for `choice`, with the language prefix.
    func roomPath(_ choice: RoomChoice, _ context: PageContext) -> String {
        "\(context.prefix)/warteraum/\(HTML.pathSegment(choice.service.id.rawValue))?\(choice.query)"
    }

    private func roomReply(
        _ context: PageContext, _ choice: RoomChoice, _ policy: WaitingRoomPolicy, releaseAt: Instant,
        state: WaitingRoomPage.State, refresh: Int, notice: Notice? = nil, status: Int = 200
    ) -> Reply {
        let release = Self.datedTime(releaseAt, in: choice.office)
        let room = WaitingRoomPage.Room(
            service: serviceChoice(choice.service), office: Self.officeSummary(choice.office),
            releaseDate: release.date,
            releaseTime: release.time.label, admitPerMinute: policy.admitPerMinute,
            admissionMinutes: policy.admissionMinutes, holdMinutes: choice.office.booking.holdMinutes,
            path: "/warteraum/\(HTML.pathSegment(choice.service.id.rawValue))?\(choice.query)",
            timesPath: "/zeiten?\(choice.query)", chosen: choice.services.map(\.id.rawValue), persons: choice.persons)
        return citizenPage(
            WaitingRoomPage.html(
                language: context.language, town: municipality.name, room: room, state: state,
                formToken: context.formToken, refreshSeconds: refresh, notice: notice),
            status: status, context)
    }

    // MARK: On the times page

    /// What the times page says about the next release of `chosen` at `office` and a waiting
    /// room before it, for the citizen of `context` (admitted or not).
    func release(
        _ chosen: Chosen, office: Office, next: (at: Instant, through: LocalDate)?, _ context: PageContext
    ) -> TimesPage.Release? {
        let now = directory.clock()
        var room: TimesPage.Release.Room?
        for service in chosen.services {
            guard let (_, roomOffice) = rush.roomOffice(service.id), roomOffice.id == office.id,
                let view = rush.room(service.id, now: now)
            else { continue }
            let href =
                "\(context.prefix)/warteraum/\(HTML.pathSegment(service.id.rawValue))?"
                + Selection(
                    services: chosen.services.map(serviceChoice), persons: chosen.persons,
                    office: Self.officeSummary(office)
                ).query
            if view.isActive(at: now) {
                if let token = context.admission, let until = rush.admittedUntil(token, service: service.id) {
                    room = .admitted(until: QueueRepresentations.clock(until, in: office))
                } else if now < view.releaseAt {
                    room = .openEarly(QueueRepresentations.clock(view.releaseAt, in: office), href: href)
                } else {
                    room = .open(href: href)
                }
            } else if now < view.opensAt, next.map({ $0.at == view.releaseAt }) ?? false {
                let opens = Self.datedTime(view.opensAt, in: office)
                room = .opens(opens.date, opens.time.label, href: href)
            }
            break
        }
        let shown = next.map { next in
            let at = Self.datedTime(next.at, in: office)
            return (date: at.date, time: at.time.label, through: Self.calendarDate(next.through))
        }
        guard shown != nil || room != nil else { return nil }
        return TimesPage.Release(next: shown, room: room)
    }

    /// The problem of a refused admission worded for the page, with the way back into the room.
    func admissionNotice(_ problem: APIProblem, _ chosen: Chosen, office: Office, _ context: PageContext) -> Notice {
        var notice = Self.notice(problem, context.text)
        guard problem.kind == .admissionRequired || problem.kind == .admissionInvalid,
            let service = chosen.services.first(where: { rush.roomOffice($0.id) != nil })
        else { return notice }
        let query = Selection(
            services: chosen.services.map(serviceChoice), persons: chosen.persons, office: Self.officeSummary(office)
        ).query
        notice.link = NoticeLink(
            href: "\(context.prefix)/warteraum/\(HTML.pathSegment(service.id.rawValue))?\(query)",
            label: context.text.room.roomButton)
        return notice
    }
}
