import Display
import HTTPServer
import Scheduling
import Storage

extension CitizenPages {
    /// A hold as the contact and review steps need it: the record if it still exists, otherwise
    /// what the form carried (services, persons, office, start), so that the page can still book
    /// the time if it is free, or offer the next free times.
    struct HoldContext: Sendable {
        var id: HoldID
        var chosen: Chosen
        var office: Office
        var start: Instant
        /// The stored hold; nil when it is gone (booked, released or swept after running out).
        var record: StoredHold?
    }

    /// Reads the hold of the route from the database, then continues with `body` (the hold-gone
    /// page when there is neither a record nor, in `form`, what to fall back on). Runs `body` on
    /// the reading queue.
    func withHold(
        _ request: HTTPRequest, form: QueryParameters?, _ context: PageContext,
        _ body: @escaping @Sendable (HoldContext) throws -> Outcome
    ) -> Outcome {
        let id = HoldID(request.parameters["hold"] ?? "")
        let fallback: (Chosen, Instant)? = form.flatMap { form in
            guard let chosen = readChosen(form, text: context.text, office: true).0,
                let start = form["start"].flatMap({ RFC3339.parse($0)?.instant })
            else { return nil }
            return (chosen, start)
        }
        guard let office = try? directory.office(ofRecord: id.rawValue) else { return .reply(holdGone(context)) }
        return .read { connection in
            let record = try connection.storedHold(id: id)
            if let record, record.office == office.id {
                let services = record.services.compactMap { municipality.service($0) }
                let chosen = Chosen(services: services, persons: record.persons, office: office)
                return try body(
                    HoldContext(id: id, chosen: chosen, office: office, start: record.start, record: record))
            } else if let (chosen, start) = fallback, chosen.office?.id == office.id {
                return try body(HoldContext(id: id, chosen: chosen, office: office, start: start, record: nil))
            }
            return .reply(holdGone(context))
        }
    }

    func holdGone(_ context: PageContext) -> Reply {
        messagePage(
            Notice(.error, title: context.text.holdGoneTitle, detail: context.text.holdGoneDetail), status: 404,
            context)
    }

    /// The hold as the page shows it; a hold that is gone shows as run out, with no extension left.
    func holdSummary(_ hold: HoldContext) -> HoldSummary {
        let now = directory.clock()
        let record =
            hold.record
            ?? StoredHold(
                id: hold.id, office: hold.office.id, counter: CounterID(""), services: hold.chosen.ids,
                persons: hold.chosen.persons, start: hold.start,
                end: hold.start.adding(
                    minutes: hold.chosen.services.reduce(0) { $0 + $1.durationMinutes } * hold.chosen.persons),
                channel: .online, createdAt: now, expiresAt: now, extensions: hold.office.booking.maxHoldExtensions)
        return Self.holdSummary(record, office: hold.office, now: now)
    }

    /// The contact step (4) or the review (5) of `hold` with what was typed.
    func holdPage(
        _ context: PageContext, _ hold: HoldContext, contact: ContactEntry, review: Bool, notice: Notice? = nil,
        status: Int = 200
    ) -> Reply {
        let selection = selection(hold.chosen.services, persons: hold.chosen.persons, office: hold.office)
        let summary = holdSummary(hold)
        let html =
            review
            ? HoldPage.review(
                language: context.language, town: municipality.name, selection: selection, hold: summary,
                contact: contact, formToken: context.formToken, notice: notice)
            : HoldPage.contact(
                language: context.language, town: municipality.name, selection: selection, hold: summary,
                contact: contact, formToken: context.formToken, retentionDays: municipality.retentionDays,
                notice: notice)
        return citizenPage(html, status: status, context)
    }

    /// `GET /reservierung/{hold}`: the contact form (step 4).
    func holdStep(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        return withHold(incoming.request, form: nil, context) { hold in
            .reply(holdPage(context, hold, contact: ContactEntry(), review: false))
        }
    }

    /// `POST /reservierung/{hold}/pruefen`: the review (step 5), or the form again with what to put
    /// right. Name, e-mail and phone stay in the POST body and the page, never in a URL.
    func reviewStep(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        let contact = ContactForm(name: form["name"], email: form["email"], phone: form["phone"])
        return withHold(incoming.request, form: form, context) { hold in
            let issues = contact.issues(context.text)
            return .reply(
                holdPage(
                    context, hold, contact: contact.entry(issues), review: issues.isEmpty,
                    status: issues.isEmpty ? 200 : 422))
        }
    }

    /// `POST /reservierung/{hold}/aendern`: back from the review to the filled-in form.
    func changeStep(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        let contact = ContactForm(name: form["name"], email: form["email"], phone: form["phone"])
        return withHold(incoming.request, form: form, context) { hold in
            .reply(holdPage(context, hold, contact: contact.entry(), review: false))
        }
    }

    /// `POST /reservierung/{hold}/verlaengern` (from step 4 or 5, `step`): extends the hold and
    /// shows the same step again with what was typed and until when the time is now held.
    func extendHold(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        let contact = ContactForm(name: form["name"], email: form["email"], phone: form["phone"])
        let review = form["step"] == "review" && contact.issues(context.text).isEmpty
        let id = HoldID(incoming.parameter("hold"))
        guard let office = try? directory.office(ofRecord: id.rawValue) else { return .reply(holdGone(context)) }
        return .command(.extendHold(id), to: try writer(office)) { outcome in
            withHold(incoming.request, form: form, context) { hold in
                extended(outcome, context, hold, contact: contact, review: review, office: office)
            }
        }
    }

    /// The step again after an extension, saying until when the time is held or what went wrong.
    private func extended(
        _ outcome: Result<OfficeOutcome, WriterError>, _ context: PageContext, _ hold: HoldContext,
        contact: ContactForm, review: Bool, office: Office
    ) -> Outcome {
        switch outcome {
        case .success(.hold(let extended)):
            let until = DateText.time(QueueRepresentations.clock(extended.expiresAt, in: office), context.language)
            return .reply(
                holdPage(
                    context, hold, contact: contact.entry(), review: review,
                    notice: Notice(.success, title: context.text.extendedNotice(until))))
        case .failure(let error):
            let problem = APIProblem(error, office: office)
            var notice = Self.notice(problem, context.text)
            if problem.kind == .holdExpired || problem.kind == .notFound {
                // Nothing is lost: the time is still booked if it is free.
                notice.detail = context.text.holdExpired
            }
            return .reply(
                holdPage(
                    context, hold, contact: contact.entry(), review: review, notice: notice, status: problem.status))
        case .success:
            return .reply(messagePage(Self.notice(.internalError(), context.text), status: 500, context))
        }
    }

    /// `POST /reservierung/{hold}/freigeben`: gives the time back and returns to the times of its day.
    func releaseHold(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        return withHold(incoming.request, form: form, context) { hold in
            .command(.releaseHold(hold.id), to: try writer(hold.office)) { _ in
                let query = Selection(
                    services: hold.chosen.services.map(serviceChoice), persons: hold.chosen.persons,
                    office: Self.officeSummary(hold.office)
                ).query
                let day = hold.office.timeZone.local(hold.start).date.iso
                return .reply(seeOther("\(context.prefix)/zeiten?\(query)&date=\(day)", context))
            }
        }
    }

    /// `POST /reservierung/{hold}/buchen`: books the held time and sends the browser to the
    /// booking's page. If the hold ran out, the same time is booked directly when it is still free;
    /// if it is taken, the times page says so and offers the next free times.
    func bookHold(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        let contact = ContactForm(name: form["name"], email: form["email"], phone: form["phone"])
        return withHold(incoming.request, form: form, context) { hold in
            let issues = contact.issues(context.text)
            guard issues.isEmpty else {
                return .reply(holdPage(context, hold, contact: contact.entry(issues), review: false, status: 422))
            }
            let command = OfficeCommand.bookHold(hold.id, channel: .online, contact: contact.contact(context.language))
            return .command(command, to: try writer(hold.office)) { outcome in
                switch outcome {
                case .failure(.scheduling(.holdExpired)), .failure(.scheduling(.holdNotFound)):
                    return try bookDirectly(context, hold, contact: contact)
                default:
                    return .reply(booked(outcome, context, hold, contact: contact))
                }
            }
        }
    }

    /// Books the time of a hold that ran out, if it is still free.
    private func bookDirectly(_ context: PageContext, _ hold: HoldContext, contact: ContactForm) throws -> Outcome {
        let caller = Caller.citizen(bookingToken: nil)
        do throws(APIProblem) {
            try rush.refuseDrawServices(hold.chosen.ids, caller: caller)
            try rush.checkAdmission(hold.chosen.ids, token: context.admission, caller: caller)
        } catch {
            return .reply(
                holdPage(
                    context, hold, contact: contact.entry(), review: true,
                    notice: admissionNotice(error, hold.chosen, office: hold.office, context), status: error.status))
        }
        let wanted = SlotRequest(
            services: hold.chosen.ids, persons: hold.chosen.persons, start: hold.start, channel: .online)
        return .command(.book(wanted, contact: contact.contact(context.language)), to: try writer(hold.office)) {
            outcome in
            if case .failure(.scheduling(.slotUnavailable)) = outcome {
                return .reply(
                    takenPage(
                        context, hold.chosen, office: hold.office, mode: .book, start: hold.start,
                        title: context.text.expiredTakenTitle))
            }
            return .reply(booked(outcome, context, hold, contact: contact))
        }
    }
    /// The answer to a booking attempt: the booking's page, or the review with the problem.
    private func booked(
        _ outcome: Result<OfficeOutcome, WriterError>, _ context: PageContext, _ hold: HoldContext,
        contact: ContactForm
    ) -> Reply {
        switch outcome {
        case .success(.booking(let booking, let token?)):
            return seeOther(
                "\(context.prefix)/termin/\(HTML.pathSegment(booking.id.rawValue))?token=\(HTML.pathSegment(token))"
                    + "&status=booked", context)
        case .failure(.scheduling(.slotUnavailable(_, let start))):
            return takenPage(context, hold.chosen, office: hold.office, mode: .book, start: start)
        case .failure(let error):
            let problem = APIProblem(error, office: hold.office)
            return holdPage(
                context, hold, contact: contact.entry(), review: true, notice: Self.notice(problem, context.text),
                status: problem.status)
        case .success:
            return messagePage(Self.notice(.internalError(), context.text), status: 500, context)
        }
    }
}
