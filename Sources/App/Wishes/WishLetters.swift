import Display
import Scheduling

/// What a message about a wish says (`WishLetter`), from the wish and its offer as they are when
/// the message is first sent, with the absolute links its tokens open.
enum WishLetters {
    static func letter(
        _ message: WishMessage, wish: Wish, offer: WishOffer?, municipality: Municipality, wishToken: String?,
        offerToken: String?, baseURL: String
    ) -> WishLetter {
        let language: PageLanguage = message.language == .english ? .english : .german
        let first = wish.offices.first.flatMap { municipality.office($0) } ?? municipality.offices[0]
        let services = wish.services.compactMap { municipality.service($0) }.map {
            ServiceChoice(
                id: $0.id.rawValue, name: $0.name, group: $0.group, minutesPerPerson: $0.durationMinutes,
                maxPersons: $0.maxPersons, feeCents: $0.feeCents, feeNote: $0.feeNote)
        }
        let wishPage = baseURL + language.prefix + "/terminwunsch/" + HTML.pathSegment(wish.id.rawValue)
        let wishLink = wishToken.map { token in
            message.kind == .confirmationRequest
                ? wishPage + "/bestaetigen?token=" + HTML.pathSegment(token)
                : wishPage + "?token=" + HTML.pathSegment(token)
        }
        var offered: WishLetter.Offer?
        var offerLink: String?
        if let offer, let office = municipality.office(offer.office) {
            offered = WishLetter.Offer(
                office: OfficeSummary(id: office.id.rawValue, name: office.name, address: office.address),
                start: moment(offer.start, office), end: QueueRepresentations.clock(offer.end, in: office),
                expires: moment(offer.expiresAt, office))
            offerLink = offerToken.map {
                baseURL + language.prefix + "/angebot/" + HTML.pathSegment(offer.id) + "?token=" + HTML.pathSegment($0)
            }
        }
        return WishLetter(
            kind: WishLetter.Kind(rawValue: message.kind.rawValue) ?? .offer, language: language,
            town: municipality.name, name: wish.contact.name, services: services, persons: wish.persons,
            offices: wish.offices.map { municipality.office($0)?.name ?? $0.rawValue },
            weekdays: wish.weekdays.map(\.rawValue).sorted(),
            times: WishPages.timeKeys(wish.times),
            earliest: CitizenPages.calendarDate(wish.earliest), latest: CitizenPages.calendarDate(wish.latest),
            offer: offered,
            confirmBy: message.kind == .confirmationRequest
                ? moment(wish.createdAt.adding(minutes: municipality.wishes.confirmMinutes), first) : nil,
            wishLink: message.kind == .offer ? nil : wishLink, offerLink: offerLink,
            bookAgain: baseURL + language.prefix + "/",
            endedUnanswered: wish.unanswered >= municipality.wishes.maxUnansweredOffers)
    }

    static func moment(_ instant: Instant, _ office: Office) -> WishLetter.Moment {
        WishLetter.Moment(
            date: CitizenPages.calendarDate(office.timeZone.local(instant).date),
            time: QueueRepresentations.clock(instant, in: office))
    }
}
