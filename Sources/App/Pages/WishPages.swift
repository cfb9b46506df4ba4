import Display
import HTTPServer
import Scheduling
import Storage

/// The wish pages (German at `/terminwunsch`, English under `/en/`; Documentation/Wishes.md): the
/// form, the page that asks to confirm the address, the confirmation behind the e-mail's link,
/// the wish's own page (withdraw; book or decline its open offer) and the offer's page behind the
/// offer e-mail's link. Each change goes to the wishes' desk on its queue; its forms are protected
/// by the citizen pages' `FormGuard`.
struct WishPages: Sendable {
    let citizen: CitizenPages
    let desk: WishDesk

    var endpoints: [Endpoint] {
        let form = Contract(body: .form)
        var endpoints: [Endpoint] = []
        for prefix in ["", "/en"] {
            endpoints += [
                Endpoint(.get, prefix + "/terminwunsch") { try formPage($0) },
                Endpoint(.post, prefix + "/terminwunsch", form) { try leave($0) },
                Endpoint(.get, prefix + "/terminwunsch/gesendet") { sentPage($0) },
                Endpoint(.get, prefix + "/terminwunsch/{wish}") { wishPage($0) },
                Endpoint(.get, prefix + "/terminwunsch/{wish}/bestaetigen") { confirmPage($0) },
                Endpoint(.post, prefix + "/terminwunsch/{wish}/bestaetigen", form) { try confirm($0) },
                Endpoint(.post, prefix + "/terminwunsch/{wish}/zurueckziehen", form) { try withdraw($0) },
                Endpoint(.get, prefix + "/angebot/{offer}") { offerPage($0) },
                Endpoint(.post, prefix + "/angebot/{offer}/buchen", form) { try book($0) },
                Endpoint(.post, prefix + "/angebot/{offer}/ablehnen", form) { try decline($0) },
            ]
        }
        return endpoints
    }

    var municipality: Municipality { citizen.municipality }
    var policy: WishPolicy { municipality.wishes }

    // MARK: The form

    /// `GET /terminwunsch?service=…&persons=…[&office=…]`.
    func formPage(_ incoming: RequestContext) throws -> Outcome {
        let context = citizen.pageContext(incoming.request)
        let query = incoming.query
        let (chosen, issues) = citizen.readChosen(query, text: context.text, office: false)
        guard let chosen else {
            return .reply(
                citizen.servicesPage(
                    context, chosen: query.values(for: "service"), persons: Int(query["persons"] ?? "") ?? 1,
                    issues: issues))
        }
        let offices = choices(for: chosen)
        let wanted = query.values(for: "office")
        let today = today(offices.first)
        let window = offices.map(\.booking.window.maxAdvanceDays).max() ?? 60
        let entry = WishEntry(
            offices: offices.map {
                ($0.id.rawValue, $0.name, wanted.isEmpty || wanted.contains($0.id.rawValue))
            }, weekdays: Set(1...5), morning: true, afternoon: true, earliest: today.iso,
            latest: today.adding(days: min(window, policy.maxDays)).iso,
            maxDate: today.adding(days: policy.maxDays).iso)
        return .reply(formReply(context, chosen, entry: entry))
    }

    /// `POST /terminwunsch`: leaves the wish and shows that the e-mail to confirm it is on its way,
    /// or the form again with what to put right.
    func leave(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try citizen.form(incoming.request)
        let (chosen, chosenIssues) = citizen.readChosen(form, text: context.text, office: false)
        guard let chosen else {
            return .reply(
                citizen.servicesPage(context, chosen: form.values(for: "service"), persons: 1, issues: chosenIssues))
        }
        let (draft, entry) = read(form, chosen: chosen, context: context)
        guard let draft else { return .reply(formReply(context, chosen, entry: entry, status: 400)) }
        return .onQueue(desk.queue) {
            do throws(APIProblem) {
                _ = try desk.leave(draft, staff: nil)
            } catch {
                let words = Self.words(error, context.language)
                var shown = entry
                shown.issues = []
                return .reply(
                    formReply(
                        context, chosen, entry: shown, notice: Notice(.error, title: words.title, detail: words.detail),
                        status: error.status))
            }
            return .reply(citizen.seeOther(context.prefix + "/terminwunsch/gesendet", context))
        }
    }

    /// The offices that do all the chosen services in one appointment.
    private func choices(for chosen: CitizenPages.Chosen) -> [Office] {
        municipality.offices.filter { Set(chosen.ids).isSubset(of: $0.offeredServices) }
    }

    private func today(_ office: Office?) -> LocalDate {
        (office ?? municipality.offices[0]).timeZone.local(citizen.directory.clock()).date
    }

    /// Reads the form's choices; the wish when they are good, and what the form shows again.
    private func read(
        _ form: QueryParameters, chosen: CitizenPages.Chosen, context: CitizenPages.PageContext
    ) -> (WishDraft?, WishEntry) {
        let words = context.language.wishText
        let offices = choices(for: chosen)
        let picked = form.values(for: "office")
        let days = Set(form.values(for: "day").compactMap { Int($0) }.filter { (1...7).contains($0) })
        let parts = Set(form.values(for: "time"))
        let today = today(offices.first)
        let earliestText = (form["earliest"] ?? "").trimmingWhitespace
        let latestText = (form["latest"] ?? "").trimmingWhitespace
        let contact = ContactForm(name: form["name"], email: form["email"], phone: nil)
        var issues = contact.issues(context.text).filter { $0.field == "name" || !contact.email.isEmpty }
        if contact.email.isEmpty { issues.append(FieldIssue(field: "email", message: words.emailMissing)) }
        let chosenOffices = offices.filter { picked.contains($0.id.rawValue) }
        if chosenOffices.isEmpty {
            issues.append(
                FieldIssue(field: "office-" + (offices.first?.id.rawValue ?? ""), message: words.officesMissing))
        }
        if days.isEmpty { issues.append(FieldIssue(field: "day-1", message: words.weekdaysMissing)) }
        if parts.intersection(["morning", "afternoon"]).isEmpty {
            issues.append(FieldIssue(field: "time-morning", message: words.timesMissing))
        }
        let earliest = Self.date(earliestText)
        let latest = Self.date(latestText)
        if earliest == nil { issues.append(FieldIssue(field: "earliest", message: words.dateInvalid)) }
        if latest == nil { issues.append(FieldIssue(field: "latest", message: words.dateInvalid)) }
        if let earliest, let latest, latest < max(earliest, today) {
            issues.append(FieldIssue(field: "latest", message: words.datesReversed))
        }
        let entry = WishEntry(
            offices: offices.map { ($0.id.rawValue, $0.name, picked.contains($0.id.rawValue)) }, weekdays: days,
            morning: parts.contains("morning"), afternoon: parts.contains("afternoon"),
            earliest: earliest?.iso ?? earliestText, latest: latest?.iso ?? latestText,
            maxDate: today.adding(days: policy.maxDays).iso, name: contact.name, email: contact.email,
            issues: issues.sorted { Self.order($0.field) < Self.order($1.field) })
        guard issues.isEmpty, let earliest, let latest else { return (nil, entry) }
        let times: [DayTimeRange] =
            parts.isSuperset(of: ["morning", "afternoon"])
            ? [.wholeDay] : parts.contains("morning") ? [.morning] : [.afternoon]
        var reached = contact.contact(context.language)
        reached.phone = nil
        let draft = WishDraft(
            services: chosen.ids, persons: chosen.persons, offices: chosenOffices.map(\.id),
            weekdays: Set(days.compactMap(Weekday.init(rawValue:))), times: times, earliest: earliest, latest: latest,
            contact: reached, language: context.language == .english ? .english : .german)
        return (draft, entry)
    }

    /// The fields in the order the page shows them, for the error summary.
    private static func order(_ field: String) -> Int {
        ["office", "day", "time", "earliest", "latest", "name", "email"].firstIndex { field.hasPrefix($0) } ?? 99
    }

    /// A date as a date field sends it (`2026-12-24`) or as typed where there is none (`24.12.2026`).
    static func date(_ text: String) -> LocalDate? {
        if let date = LocalDate(iso: text) { return date }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            parts[2].count == 4
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    private func formReply(
        _ context: CitizenPages.PageContext, _ chosen: CitizenPages.Chosen, entry: WishEntry, notice: Notice? = nil,
        status: Int? = nil
    ) -> Reply {
        let html = WishPage.form(
            language: context.language, town: municipality.name,
            selection: citizen.selection(chosen.services, persons: chosen.persons), entry: entry,
            formToken: context.formToken, offerHours: max(1, policy.offerMinutes / 60),
            retentionDays: municipality.retentionDays, notice: notice)
        return citizen.citizenPage(html, status: status ?? (entry.issues.isEmpty ? 200 : 400), context)
    }

    /// `GET /terminwunsch/gesendet`.
    func sentPage(_ incoming: RequestContext) -> Outcome {
        let context = citizen.pageContext(incoming.request)
        return .reply(
            citizen.citizenPage(
                WishPage.sent(
                    language: context.language, town: municipality.name, hours: max(1, policy.confirmMinutes / 60)),
                context))
    }

    // MARK: Problems

    /// A problem worded for citizens: the wish pages' own words, else the booking pages'.
    static func words(_ problem: APIProblem, _ language: PageLanguage) -> (title: String, detail: String) {
        language.wishText.problems[problem.kind.name] ?? language.text.problem(problem.kind.name)
    }

    /// A page that only says what went wrong.
    func problemPage(_ problem: APIProblem, _ context: CitizenPages.PageContext) -> Reply {
        // A token that opens nothing is answered like a wish that does not exist.
        let hidden = problem.kind == .forbidden ? APIProblem.notFound("") : problem
        let words = Self.words(hidden, context.language)
        let status = hidden.status
        return citizen.messagePage(Notice(.error, title: words.title, detail: words.detail), status: status, context)
    }
}
