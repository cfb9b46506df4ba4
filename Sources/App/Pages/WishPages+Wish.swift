import Display
import HTTPServer
import Scheduling
import Storage

extension WishPages {
    // MARK: The wish's page

    /// `GET /terminwunsch/{wish}?token=…[&status=confirmed|withdrawn|declined]`.
    func wishPage(_ incoming: RequestContext) -> Outcome {
        let context = citizen.pageContext(incoming.request)
        let id = WishID(incoming.parameter("wish"))
        let token = incoming.query["token"] ?? ""
        let arrival = incoming.query["status"]
        return .onQueue(desk.queue) {
            let view: WishView
            do throws(APIProblem) {
                view = try desk.wish(id, token: token)
            } catch {
                return .reply(problemPage(error, context))
            }
            let words = context.language.wishText
            let notice: Notice? =
                switch arrival {
                case "confirmed": Notice(.success, title: words.confirmedTitle, detail: words.confirmedDetail)
                case "withdrawn": Notice(.success, title: words.withdrawnTitle, detail: words.withdrawnDetail)
                case "declined": Notice(.info, title: words.declinedTitle, detail: words.declinedDetail)
                default: nil
                }
            return .reply(
                citizen.citizenPage(
                    WishPage.status(
                        language: context.language, town: municipality.name, wish: summary(view, token: token),
                        formToken: context.formToken, notice: notice), context))
        }
    }

    /// `GET /terminwunsch/{wish}/bestaetigen?token=…`, the link of the request to confirm: one
    /// button (a mail scanner following the link confirms nothing).
    func confirmPage(_ incoming: RequestContext) -> Outcome {
        let context = citizen.pageContext(incoming.request)
        let id = WishID(incoming.parameter("wish"))
        let token = incoming.query["token"] ?? ""
        return .onQueue(desk.queue) {
            let view: WishView
            do throws(APIProblem) {
                view = try desk.wish(id, token: token)
            } catch {
                return .reply(problemPage(error, context))
            }
            guard view.wish.status == .unconfirmed else {
                return .reply(citizen.seeOther(wishPath(id, token: token, context), context))
            }
            return .reply(
                citizen.citizenPage(
                    WishPage.confirm(
                        language: context.language, town: municipality.name, wish: summary(view, token: token),
                        formToken: context.formToken), context))
        }
    }

    /// `POST /terminwunsch/{wish}/bestaetigen` (token): confirms, then the wish's page.
    func confirm(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try citizen.form(incoming.request)
        let id = WishID(incoming.parameter("wish"))
        let token = form["token"] ?? ""
        return .onQueue(desk.queue) {
            do throws(APIProblem) {
                _ = try desk.confirm(id, token: token)
            } catch {
                return .reply(problemPage(error, context))
            }
            return .reply(citizen.seeOther(wishPath(id, token: token, context) + "&status=confirmed", context))
        }
    }

    /// `POST /terminwunsch/{wish}/zurueckziehen` (token): withdraws, then the wish's page.
    func withdraw(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try citizen.form(incoming.request)
        let id = WishID(incoming.parameter("wish"))
        let token = form["token"] ?? ""
        return .onQueue(desk.queue) {
            do throws(APIProblem) {
                _ = try desk.withdraw(id, token: token)
            } catch {
                return .reply(problemPage(error, context))
            }
            return .reply(citizen.seeOther(wishPath(id, token: token, context) + "&status=withdrawn", context))
        }
    }

    func wishPath(_ id: WishID, token: String, _ context: CitizenPages.PageContext) -> String {
        "\(context.prefix)/terminwunsch/\(HTML.pathSegment(id.rawValue))?token=\(HTML.pathSegment(token))"
    }

    // MARK: Offers

    /// `GET /angebot/{offer}?token=…`, the link of the offer e-mail.
    func offerPage(_ incoming: RequestContext) -> Outcome {
        let context = citizen.pageContext(incoming.request)
        let id = incoming.parameter("offer")
        let token = incoming.query["token"] ?? ""
        return .onQueue(desk.queue) {
            let found: (offer: WishOffer, wish: Wish)
            do throws(APIProblem) {
                found = try desk.offer(id, token: token)
            } catch {
                return .reply(problemPage(error, context))
            }
            let offer = found.offer
            guard offer.status == .open, desk.clock() < offer.expiresAt,
                let summary = offerSummary(offer, token: token)
            else {
                let problem =
                    offer.status == .open || offer.status == .expired
                    ? APIProblem(WishError.offerExpired(id), office: nil)
                    : APIProblem(WishError.offerClosed(id, status: offer.status), office: nil)
                return .reply(problemPage(problem, context))
            }
            let services = found.wish.services.compactMap { municipality.service($0) }
            return .reply(
                citizen.citizenPage(
                    WishPage.offer(
                        language: context.language, town: municipality.name, offer: summary,
                        selection: citizen.selection(services, persons: found.wish.persons), wishLink: nil,
                        formToken: context.formToken), context))
        }
    }

    /// `POST /angebot/{offer}/buchen` (token): books, then the booking's page.
    func book(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try citizen.form(incoming.request)
        let id = incoming.parameter("offer")
        let token = form["token"] ?? ""
        return .onQueue(desk.queue) {
            let booked: (booking: Booking, token: String, office: Office)
            do throws(APIProblem) {
                booked = try desk.book(offer: id, token: token)
            } catch {
                return .reply(problemPage(error, context))
            }
            return .reply(
                citizen.seeOther(
                    "\(context.prefix)/termin/\(HTML.pathSegment(booked.booking.id.rawValue))"
                        + "?token=\(HTML.pathSegment(booked.token))&status=booked", context))
        }
    }

    /// `POST /angebot/{offer}/ablehnen` (token): declines; the wish keeps waiting.
    func decline(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try citizen.form(incoming.request)
        let id = incoming.parameter("offer")
        let token = form["token"] ?? ""
        return .onQueue(desk.queue) {
            let offer: WishOffer
            do throws(APIProblem) {
                offer = try desk.decline(offer: id, token: token)
            } catch {
                return .reply(problemPage(error, context))
            }
            // With the wish's token (from its page) back to the wish; with the offer's, a notice.
            if (try? desk.wish(offer.wish, token: token)) != nil {
                return .reply(
                    citizen.seeOther(wishPath(offer.wish, token: token, context) + "&status=declined", context))
            }
            let words = context.language.wishText
            return .reply(
                citizen.messagePage(
                    Notice(.success, title: words.declinedTitle, detail: words.declinedDetail), status: 200, context))
        }
    }

    // MARK: Models

    /// The times of day as the pages and letters word them: `morning`, `afternoon`, or clock
    /// times; none for the whole day.
    static func timeKeys(_ times: [DayTimeRange]) -> [String] {
        guard times != [.wholeDay] else { return [] }
        return times.map { range in
            switch range {
            case .morning: "morning"
            case .afternoon: "afternoon"
            default: "\(range.from.hhmm)–\(range.to.hhmm)"
            }
        }
    }

    /// A wish as its page shows it to the holder of `token`.
    func summary(_ view: WishView, token: String) -> WishSummary {
        let wish = view.wish
        let office = wish.offices.first.flatMap { municipality.office($0) } ?? municipality.offices[0]
        let services = wish.services.compactMap { municipality.service($0) }
        let times = WishPages.timeKeys(wish.times)
        return WishSummary(
            id: wish.id.rawValue, token: token, status: wish.status.rawValue,
            selection: citizen.selection(services, persons: wish.persons),
            offices: wish.offices.map { municipality.office($0)?.name ?? $0.rawValue },
            weekdays: wish.weekdays.map(\.rawValue).sorted(), times: times,
            earliest: CitizenPages.calendarDate(wish.earliest), latest: CitizenPages.calendarDate(wish.latest),
            confirmedAt: wish.confirmedAt.map { CitizenPages.datedTime($0, in: office) }, ahead: view.ahead,
            offer: view.offer.flatMap { offerSummary($0, token: token) })
    }

    /// An open offer as the pages show it, with the token its forms carry.
    func offerSummary(_ offer: WishOffer, token: String) -> OfferSummary? {
        guard let office = municipality.office(offer.office) else { return nil }
        return OfferSummary(
            id: offer.id, token: token, office: CitizenPages.officeSummary(office),
            date: CitizenPages.calendarDate(office.timeZone.local(offer.start).date),
            start: QueueRepresentations.clock(offer.start, in: office),
            end: QueueRepresentations.clock(offer.end, in: office),
            expires: CitizenPages.datedTime(offer.expiresAt, in: office))
    }
}
