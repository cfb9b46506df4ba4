import App
import Scheduling

/// "Vaccination Monday" (issue 8, item 5): many virtual citizens for a few hundred slots that
/// are released at one moment.
///
/// Without a waiting room each citizen arrives at a random moment around the release, asks for
/// availability (every `poll` seconds with `If-None-Match` while nothing is released), books a
/// free start picked at random from the answer, and on a 409 `slot-unavailable` asks again and
/// books another, until it has a booking or an answer after the release shows nothing left.
///
/// With the waiting room each citizen joins the room instead, polls its entry (every `poll`
/// seconds before the release; afterwards until its `admissionAt`, checking every `roomPoll`
/// seconds whether anything is left), and once admitted books as above with its
/// `Admission-Token`.
///
/// Every citizen obeys `Retry-After` on 429 and 503, and sends its own address in
/// `X-Forwarded-For` (the server must trust the generator as a proxy), so per-client limits
/// apply to each citizen, not to the generator.
final class RushScenario: LoadScenario {
    struct Options {
        var office = "halle-a"
        var service = "impfung"
        var citizens = 10_000
        var waitingRoom = false
        /// Citizens arrive at random moments from `before` seconds before the release …
        var before = 10.0
        /// … to `after` seconds after it.
        var after = 2.0
        /// Seconds between availability refreshes before the release, and between entry polls
        /// before the places are drawn (each ±50 % at random).
        var poll = 1.0
        /// Seconds between checks while waiting with a place (±50 %).
        var roomPoll = 5.0
        /// Booking attempts one citizen makes at most.
        var maxAttempts = 25
        var seed: UInt64 = 1
    }

    /// How a citizen's morning ended.
    enum Outcome: Equatable {
        case pending
        case booked
        /// An answer after the release showed no free start.
        case soldOut
        /// The admission ran out or was used up before a booking.
        case admissionEnded
        /// An answer the citizen did not expect (recorded in `failures`).
        case failed
    }

    /// What an availability answer offers, parsed once per ETag.
    struct Offer {
        var starts: [String]
        var nextRelease: Int64?
    }

    let options: Options
    /// The release the citizens wait for (server seconds since the epoch), nil when it is past.
    let releaseAt: Int64?
    let serverTime: ServerTime
    var clientCount: Int { options.citizens }

    let availabilityRoute: Int
    let bookingRoute: Int
    let joinRoute: Int
    let entryRoute: Int

    private var random: SplitMix
    private(set) var arrivals: [Double]
    private(set) var outcomes: [Outcome]
    private var lastEmptyETag: [String?]
    private var attempts: [Int]
    private var entries: [String?]
    private var tokens: [String?]
    private var nextPoll: [Double]
    /// Waiting room: the order in which the joins were answered, whether the citizen joined
    /// before the release (its answer had no place yet), its place (1 = first) and whether it
    /// was admitted.
    private(set) var joinOrder: [Int?]
    private(set) var joinedEarly: [Bool]
    private(set) var places: [Int?]
    private(set) var admitted: [Bool]
    private var joined = 0
    private var offers: [String: Offer] = [:]
    /// The most free starts one answer showed.
    private(set) var mostStartsSeen = 0
    private(set) var bookingIDs: [String] = []
    /// Unexpected answers: "route status" → count.
    private(set) var failures: [String: Int] = [:]

    init(options: Options, releaseAt: Int64?, serverTime: ServerTime, statistics: LoadStatistics, now: Double) {
        self.options = options
        self.releaseAt = releaseAt
        self.serverTime = serverTime
        availabilityRoute = statistics.route("GET availability")
        bookingRoute = statistics.route("POST bookings")
        joinRoute = statistics.route("POST waiting-rooms")
        entryRoute = statistics.route("GET waiting-room entry")
        random = SplitMix(seed: options.seed)
        let count = options.citizens
        let release = releaseAt.map { serverTime.monotonic($0) } ?? now
        var arrivals: [Double] = []
        arrivals.reserveCapacity(count)
        for _ in 0..<count {
            let moment = release - options.before + random.unit() * (options.before + options.after)
            arrivals.append(max(now, moment))
        }
        self.arrivals = arrivals
        outcomes = Array(repeating: .pending, count: count)
        lastEmptyETag = Array(repeating: nil, count: count)
        attempts = Array(repeating: 0, count: count)
        entries = Array(repeating: nil, count: count)
        tokens = Array(repeating: nil, count: count)
        nextPoll = Array(repeating: 0, count: count)
        joinOrder = Array(repeating: nil, count: count)
        joinedEarly = Array(repeating: false, count: count)
        places = Array(repeating: nil, count: count)
        admitted = Array(repeating: false, count: count)
    }

    // MARK: Requests

    private func address(_ citizen: Int) -> String {
        "10.\((citizen >> 16) & 255).\((citizen >> 8) & 255).\(citizen & 255)"
    }

    private func request(
        _ route: Int, _ method: String, _ target: String, citizen: Int, headers: [(String, String)] = [],
        body: String? = nil
    ) -> LoadRequest {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: rathaus\r\nX-Forwarded-For: \(address(citizen))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body {
            text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        } else if method == "POST" {
            text += "Content-Length: 0\r\n\r\n"
        } else {
            text += "\r\n"
        }
        return LoadRequest(route: route, bytes: Array(text.utf8))
    }

    private func availability(_ citizen: Int, conditional: Bool = false) -> LoadRequest {
        var headers: [(String, String)] = []
        if conditional, let etag = lastEmptyETag[citizen] { headers.append(("If-None-Match", etag)) }
        return request(
            availabilityRoute, "GET", "/v1/offices/\(options.office)/availability?service=\(options.service)",
            citizen: citizen, headers: headers)
    }

    private func booking(_ citizen: Int, start: String) -> LoadRequest {
        let body =
            #"{"office":"\#(options.office)","services":["\#(options.service)"],"persons":1,"start":"\#(start)","contact":{"name":"Bürger \#(citizen)","email":"buerger\#(citizen)@example.org"}}"#
        var headers: [(String, String)] = []
        if let token = tokens[citizen] { headers.append(("Admission-Token", token)) }
        return request(bookingRoute, "POST", "/v1/bookings", citizen: citizen, headers: headers, body: body)
    }

    private func join(_ citizen: Int) -> LoadRequest {
        request(joinRoute, "POST", "/v1/waiting-rooms/\(options.service)", citizen: citizen)
    }

    private func entry(_ citizen: Int) -> LoadRequest {
        request(
            entryRoute, "GET", "/v1/waiting-rooms/\(options.service)/entries/\(entries[citizen] ?? "")",
            citizen: citizen)
    }

    private func jittered(_ seconds: Double) -> Double { seconds * (0.5 + random.unit()) }

    // MARK: LoadScenario

    func start(_ client: Int, now: Double) -> LoadAction {
        .sendAt(arrivals[client], options.waitingRoom ? join(client) : availability(client))
    }

    func receive(_ client: Int, _ request: LoadRequest, _ response: LoadResponse, now: Double) -> LoadAction {
        if response.status == 429 || response.status == 503 {
            // Retry-After in whole seconds; spread the retries over the following second.
            return .sendAt(now + Double(response.retryAfter ?? 1) + random.unit(), request)
        }
        switch request.route {
        case availabilityRoute: return receiveAvailability(client, request, response, now: now)
        case bookingRoute: return receiveBooking(client, response, now: now)
        case joinRoute: return receiveEntry(client, response, joining: true, now: now)
        default: return receiveEntry(client, response, joining: false, now: now)
        }
    }

    func failed(_ client: Int, _ request: LoadRequest, now: Double) -> LoadAction {
        fail(client, "no answer")
    }

    private func fail(_ client: Int, _ what: String) -> LoadAction {
        failures[what, default: 0] += 1
        outcomes[client] = .failed
        return .done
    }

    private func finish(_ client: Int, _ outcome: Outcome) -> LoadAction {
        outcomes[client] = outcome
        return .done
    }

    private func receiveAvailability(_ client: Int, _ request: LoadRequest, _ response: LoadResponse, now: Double)
        -> LoadAction
    {
        if response.status == 304 {
            return .sendAt(now + jittered(options.poll), request)
        }
        guard response.status == 200, let offer = offer(response) else {
            return fail(client, "GET availability \(response.status)")
        }
        let released = releaseAt == nil || offer.nextRelease != releaseAt
        if options.waitingRoom, !admitted[client] {
            // Waiting with a place: anything left to wait for?
            if offer.starts.isEmpty, released { return finish(client, .soldOut) }
            return .sendAt(nextPoll[client], entry(client))
        }
        guard !offer.starts.isEmpty else {
            if released { return finish(client, .soldOut) }
            lastEmptyETag[client] = response.etag
            return .sendAt(now + jittered(options.poll), availability(client, conditional: true))
        }
        guard attempts[client] < options.maxAttempts else { return fail(client, "too many attempts") }
        attempts[client] += 1
        let start = offer.starts[Int(random.next() % UInt64(offer.starts.count))]
        return .send(booking(client, start: start))
    }

    private func receiveBooking(_ client: Int, _ response: LoadResponse, now: Double) -> LoadAction {
        switch response.status {
        case 201:
            if let id = (try? JSONValue.parse(response.body))?["id"]?.stringValue { bookingIDs.append(id) }
            return finish(client, .booked)
        case 409 where response.bodyContains("/problems/slot-unavailable"):
            return .send(availability(client))
        case 403 where response.bodyContains("/problems/admission-invalid"):
            return finish(client, .admissionEnded)
        default:
            let kind = response.status >= 400 ? " " + problemKind(response) : ""
            return fail(client, "POST bookings \(response.status)\(kind)")
        }
    }

    private func receiveEntry(_ client: Int, _ response: LoadResponse, joining: Bool, now: Double) -> LoadAction {
        guard response.status == (joining ? 201 : 200), let json = try? JSONValue.parse(response.body),
            let status = json["status"]?.stringValue
        else {
            let route = joining ? "POST waiting-rooms" : "GET waiting-room entry"
            return fail(client, "\(route) \(response.status) \(problemKind(response))")
        }
        let place = json["place"]?.intValue
        if joining {
            entries[client] = json["entry"]?.stringValue
            joinOrder[client] = joined
            joined += 1
            joinedEarly[client] = place == nil
        }
        if places[client] == nil { places[client] = place }
        switch status {
        case "admitted":
            admitted[client] = true
            tokens[client] = json["admissionToken"]?.stringValue
            return .send(availability(client))
        case "waiting":
            guard place != nil else {
                // Before the release: places are drawn at the release, so come back then.
                return .sendAt(now + jittered(options.poll), entry(client))
            }
            var wake = now + jittered(options.roomPoll)
            if let text = json["admissionAt"]?.stringValue, let admission = RFC3339.parse(text) {
                wake = min(wake, serverTime.monotonic(admission.instant.secondsSinceEpoch) + 0.5 * random.unit())
            }
            nextPoll[client] = max(now, wake)
            return .send(availability(client))
        case "expired":
            return finish(client, .admissionEnded)
        default:
            return fail(client, "waiting-room status \(status)")
        }
    }

    /// The offer of an availability answer, parsed once per ETag.
    private func offer(_ response: LoadResponse) -> Offer? {
        if let etag = response.etag, let known = offers[etag] { return known }
        guard let json = try? JSONValue.parse(response.body), let days = json["days"]?.arrayValue else { return nil }
        var starts: [String] = []
        for day in days {
            for slot in day["slots"]?.arrayValue ?? [] {
                if let text = slot.stringValue { starts.append(text) }
            }
        }
        let next = json["nextRelease"]?["at"]?.stringValue.flatMap { RFC3339.parse($0)?.instant.secondsSinceEpoch }
        let offer = Offer(starts: starts, nextRelease: next)
        mostStartsSeen = max(mostStartsSeen, starts.count)
        if let etag = response.etag {
            if offers.count > 10_000 { offers.removeAll(keepingCapacity: true) }
            offers[etag] = offer
        }
        return offer
    }

    private func problemKind(_ response: LoadResponse) -> String {
        guard let type = (try? JSONValue.parse(response.body))?["type"]?.stringValue else { return "" }
        return String(type.split(separator: "/").last ?? "")
    }
}

extension SplitMix {
    /// A uniform number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
