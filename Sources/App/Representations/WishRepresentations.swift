import Display
package import Scheduling
package import Storage

/// The JSON of wishes and offers (Documentation/Wishes.md, "The API"), with the schemas the
/// OpenAPI document gives for them.
package enum WishRepresentations {
    /// A wish as its holder sees it; `token` only in the answer that made it.
    package static func wish(_ view: WishView, offices: [Office], token: String? = nil) -> [UInt8] {
        let wish = view.wish
        let zone = offices.first { $0.id == wish.offices.first } ?? offices.first
        func time(_ instant: Instant) -> String {
            zone.map { Representations.time(instant, in: $0) } ?? RFC3339.format(instant, offsetSeconds: 0)
        }
        var json = JSONWriter(capacity: 512)
        json.object { json in
            json.string("id", wish.id.rawValue)
            json.string("status", wish.status.rawValue)
            json.array("services") { json in for service in wish.services { json.string(service.rawValue) } }
            json.int("persons", wish.persons)
            json.array("offices") { json in for office in wish.offices { json.string(office.rawValue) } }
            json.array("weekdays") { json in for day in wish.weekdays.sorted() { json.string(day.key) } }
            json.array("times") { json in
                for range in wish.times {
                    json.object { json in
                        json.string("from", range.from.hhmm)
                        json.string("to", range.to.hhmm)
                    }
                }
            }
            json.string("earliest", wish.earliest.iso)
            json.string("latest", wish.latest.iso)
            json.string("channel", wish.channel.rawValue)
            json.string("language", wish.language.rawValue)
            json.string("createdAt", time(wish.createdAt))
            json.string("confirmedAt", ifPresent: wish.confirmedAt.map(time))
            if wish.isWaiting { json.int("ahead", view.ahead) }
            json.string("booking", ifPresent: wish.booking?.rawValue)
            if let offer = view.offer, let office = offices.first(where: { $0.id == offer.office }) {
                json.raw("offer", Self.offer(offer, office: office))
            }
            json.string("token", ifPresent: token)
            json.object("links") { json in
                let base = "/v1/wishes/\(wish.id.rawValue)"
                json.string("self", base)
                if wish.status == .unconfirmed { json.string("confirm", base + "/confirm") }
            }
        }
        return json.bytes
    }

    /// An offer: the time held for the wish and until when it may be booked.
    package static func offer(_ offer: WishOffer, office: Office) -> [UInt8] {
        var json = JSONWriter(capacity: 384)
        json.object { json in
            json.string("id", offer.id)
            json.string("wish", offer.wish.rawValue)
            json.string("status", offer.status.rawValue)
            json.string("office", offer.office.rawValue)
            json.array("services") { json in for service in offer.services { json.string(service.rawValue) } }
            json.int("persons", offer.persons)
            json.string("start", Representations.time(offer.start, in: office))
            json.string("end", Representations.time(offer.end, in: office))
            json.string("expiresAt", Representations.time(offer.expiresAt, in: office))
            json.string("booking", ifPresent: offer.booking?.rawValue)
            json.object("links") { json in
                let base = "/v1/offers/\(offer.id)"
                json.string("self", base)
                if offer.status == .open {
                    json.string("book", base + "/book")
                    json.string("decline", base + "/decline")
                }
            }
        }
        return json.bytes
    }

    /// How many wishes of each service wait, with an open offer, and how they ended.
    package static func summary(_ counts: [WishCount], services: [Service]) -> [UInt8] {
        var json = JSONWriter(capacity: 512)
        json.object { json in
            json.array("services") { json in
                for service in services where service.rush == nil {
                    let mine = counts.filter { $0.service == service.id }
                    func count(_ status: Wish.Status) -> Int { mine.first { $0.status == status }?.count ?? 0 }
                    json.object { json in
                        json.string("service", service.id.rawValue)
                        json.int("waiting", count(.waiting))
                        json.int("offered", mine.first { $0.status == .waiting }?.offered ?? 0)
                        json.int("unconfirmed", count(.unconfirmed))
                        json.int("booked", count(.booked))
                        json.int("withdrawn", count(.withdrawn))
                        json.int("ended", count(.ended))
                    }
                }
            }
        }
        return json.bytes
    }

    /// The wishes per service as a table of the statistics page (the demand the office cannot
    /// otherwise see); nil when there are none.
    static func table(_ counts: [WishCount], municipality: Municipality) -> DataTable? {
        let rows: [[String]] = municipality.services.compactMap { service in
            let mine = counts.filter { $0.service == service.id }
            guard !mine.isEmpty else { return nil }
            func count(_ status: Wish.Status) -> String { String(mine.first { $0.status == status }?.count ?? 0) }
            return [
                service.name, count(.waiting), String(mine.first { $0.status == .waiting }?.offered ?? 0),
                count(.unconfirmed), count(.booked), count(.withdrawn), count(.ended),
            ]
        }
        guard !rows.isEmpty else { return nil }
        return DataTable(
            id: "wishes", caption: "Terminwünsche aller Standorte, Stand jetzt",
            columns: ["", "Warten", "davon mit Angebot", "Unbestätigt", "Gebucht", "Zurückgezogen", "Beendet"],
            rows: rows)
    }

    // MARK: Schemas

    static let offerSchema = ##"""
        {"type":"object","required":["id","wish","status","office","services","persons","start","end","expiresAt"],"properties":{
        "id":{"type":"string"},"wish":{"type":"string"},
        "status":{"type":"string","enum":["open","booked","declined","expired","withdrawn"]},
        "office":{"type":"string"},"services":{"type":"array","items":{"type":"string"}},"persons":{"type":"integer"},
        "start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"},
        "expiresAt":{"type":"string","format":"date-time","description":"Until when it may be booked"},
        "booking":{"type":"string"},"links":{"type":"object","additionalProperties":{"type":"string"}}}}
        """##

    static let wishSchema = ##"""
        {"type":"object","required":["id","status","services","persons","offices","weekdays","times","earliest","latest","channel","language","createdAt"],"properties":{
        "id":{"type":"string"},
        "status":{"type":"string","enum":["unconfirmed","waiting","booked","withdrawn","ended"]},
        "services":{"type":"array","items":{"type":"string"}},"persons":{"type":"integer"},
        "offices":{"type":"array","items":{"type":"string"}},
        "weekdays":{"type":"array","items":{"type":"string","enum":["mon","tue","wed","thu","fri","sat","sun"]}},
        "times":{"type":"array","items":{"type":"object","properties":{"from":{"type":"string"},"to":{"type":"string"}}}},
        "earliest":{"type":"string","format":"date"},"latest":{"type":"string","format":"date"},
        "channel":{"type":"string","enum":["online","hotline"]},"language":{"type":"string","enum":["de","en"]},
        "createdAt":{"type":"string","format":"date-time"},"confirmedAt":{"type":"string","format":"date-time"},
        "ahead":{"type":"integer","description":"Waiting wishes for the same services confirmed before this one"},
        "booking":{"type":"string"},"offer":\##(offerSchema),
        "token":{"type":"string","description":"Shown once, when the wish is left: it opens the wish and its offers"},
        "links":{"type":"object","additionalProperties":{"type":"string"}}}}
        """##

    static let requestSchema = ##"""
        {"type":"object","required":["services","offices","latest","contact"],"additionalProperties":false,"properties":{
        "services":{"type":"array","minItems":1,"items":{"type":"string"}},
        "persons":{"type":"integer","minimum":1,"maximum":20,"default":1},
        "offices":{"type":"array","minItems":1,"items":{"type":"string"},"description":"The offices that suit, in order of preference"},
        "weekdays":{"type":"array","minItems":1,"items":{"type":"string","enum":["mon","tue","wed","thu","fri","sat","sun"]},"description":"Default: every day"},
        "times":{"type":"array","minItems":1,"items":{"type":"object","required":["from","to"],"additionalProperties":false,"properties":{
          "from":{"type":"string","pattern":"^[0-2][0-9]:[0-5][0-9]$"},"to":{"type":"string","pattern":"^[0-2][0-9]:[0-5][0-9]$"}}},
          "description":"Times of day a start may fall in; default: the whole day"},
        "earliest":{"type":"string","format":"date","description":"Default: today"},
        "latest":{"type":"string","format":"date"},
        "contact":{"type":"object","required":["name","email"],"additionalProperties":false,"properties":{
          "name":{"type":"string","maxLength":200},"email":{"type":"string","format":"email"},"phone":{"type":"string"}}},
        "language":{"type":"string","enum":["de","en"],"default":"de"}}}
        """##

    static let summarySchema = ##"""
        {"type":"object","required":["services"],"properties":{"services":{"type":"array","items":{"type":"object","properties":{
        "service":{"type":"string"},"waiting":{"type":"integer"},"offered":{"type":"integer"},"unconfirmed":{"type":"integer"},
        "booked":{"type":"integer"},"withdrawn":{"type":"integer"},"ended":{"type":"integer"}}}}}}
        """##
}
