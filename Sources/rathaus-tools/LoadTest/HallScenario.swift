import App
import Scheduling
import Synchronization

/// The hall of an office at work, as virtual staff with their tokens (exempt from the public
/// limits): a kiosk drawing a walk-in ticket every `ticketEvery` seconds; counters that call the
/// next ticket, serve it for `serveSeconds` and finish it, again and again; hotline agents who
/// look up free times for a caller and book one by phone, every `hotlineEvery` seconds. It runs
/// until `stop()`. Each call is noted with when it was sent and the number called, so that the
/// displays' arrival of the call can be timed against it.
final class HallScenario: LoadScenario {
    struct Options {
        var office = "buergeramt"
        /// The walk-in service the kiosk draws tickets for.
        var walkInService = "meldebescheinigung"
        /// The service the hotline books.
        var hotlineService = "anmeldung"
        var counters = ["s1", "s2", "s3", "s4"]
        var hotlineAgents = 4
        var ticketEvery = 0.5
        var serveSeconds = 3.0
        var hotlineEvery = 3.0
        var kioskToken = ""
        var counterToken = ""
        var hotlineToken = ""
        var seed: UInt64 = 2
    }

    /// One call of a ticket: sent at, answered at, the number called.
    struct Call {
        var sentAt: Double
        var answeredAt: Double
        var number: String
    }

    let options: Options
    let clientCount: Int
    private let ticketRoute: Int
    private let callRoute: Int
    private let finishRoute: Int
    private let availabilityRoute: Int
    private let bookingRoute: Int
    /// Set from another thread by `stop()`.
    private let stopped = Atomic<Bool>(false)
    private var random: SplitMix
    /// The ticket each counter is serving.
    private var serving: [Int: String] = [:]
    private(set) var calls: [Call] = []
    private(set) var hotlineBookings = 0
    /// Answers none of the clients expected, by what was asked and the status.
    private(set) var failures: [String: Int] = [:]

    init(options: Options, statistics: LoadStatistics) {
        self.options = options
        clientCount = 1 + options.counters.count + options.hotlineAgents
        ticketRoute = statistics.route("POST tickets (kiosk)")
        callRoute = statistics.route("POST call-next")
        finishRoute = statistics.route("POST finish")
        availabilityRoute = statistics.route("GET availability (hotline)")
        bookingRoute = statistics.route("POST bookings (hotline)")
        random = SplitMix(seed: options.seed)
    }

    /// Lets every client end after its answer in flight (safe from any thread).
    func stop() { stopped.store(true, ordering: .relaxed) }

    private enum Role {
        case kiosk
        case counter(String)
        case hotline
    }

    private func role(_ client: Int) -> Role {
        if client == 0 { return .kiosk }
        if client <= options.counters.count { return .counter(options.counters[client - 1]) }
        return .hotline
    }

    func start(_ client: Int, now: Double) -> LoadAction {
        // Spread the first requests over the first seconds.
        let offset = Double(random.next() % 1000) / 1000 * 2
        switch role(client) {
        case .kiosk: return .sendAt(now + offset, ticket())
        case .counter(let counter): return .sendAt(now + offset, callNext(counter))
        case .hotline: return .sendAt(now + offset, availability())
        }
    }

    func receive(_ client: Int, _ request: LoadRequest, _ response: LoadResponse, now: Double) -> LoadAction {
        guard !stopped.load(ordering: .relaxed) else { return .done }
        switch role(client) {
        case .kiosk:
            expect(response, 201, "ticket")
            return .sendAt(now + options.ticketEvery, ticket())
        case .counter(let counter):
            if request.route == callRoute {
                if response.status == 200, let id = Self.field("id", in: response),
                    let number = Self.field("number", in: response)
                {
                    calls.append(Call(sentAt: request.sentAt, answeredAt: now, number: number))
                    serving[client] = id
                    return .sendAt(now + options.serveSeconds, finish(id))
                }
                if response.status != 204 { expect(response, 200, "call-next") }
                return .sendAt(now + 0.5, callNext(counter))
            }
            expect(response, 200, "finish")
            serving[client] = nil
            return .send(callNext(counter))
        case .hotline:
            if request.route == availabilityRoute {
                expect(response, 200, "availability")
                let starts = Self.starts(in: response)
                guard !starts.isEmpty else { return .sendAt(now + options.hotlineEvery, availability()) }
                return .send(book(starts[Int(random.next() % UInt64(starts.count))]))
            }
            if response.status == 201 {
                hotlineBookings += 1
            } else if response.status != 409 {
                expect(response, 201, "hotline booking")
            }
            return .sendAt(now + options.hotlineEvery, availability())
        }
    }

    func failed(_ client: Int, _ request: LoadRequest, now: Double) -> LoadAction {
        guard !stopped.load(ordering: .relaxed) else { return .done }
        failures["no answer", default: 0] += 1
        switch role(client) {
        case .kiosk: return .sendAt(now + 1, ticket())
        case .counter(let counter):
            if let id = serving[client] { return .sendAt(now + 1, finish(id)) }
            return .sendAt(now + 1, callNext(counter))
        case .hotline: return .sendAt(now + 1, availability())
        }
    }

    private func expect(_ response: LoadResponse, _ status: Int, _ what: String) {
        if response.status != status { failures["\(what) \(response.status)", default: 0] += 1 }
    }

    // MARK: Requests

    private func staff(_ method: String, _ target: String, token: String, body: String?, route: Int) -> LoadRequest {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: rathaus\r\nAuthorization: Bearer \(token)\r\n"
        if let body {
            text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        } else {
            text += method == "POST" ? "Content-Length: 0\r\n\r\n" : "\r\n"
        }
        return LoadRequest(route: route, bytes: Array(text.utf8))
    }

    private func ticket() -> LoadRequest {
        staff(
            "POST", "/v1/offices/\(options.office)/tickets", token: options.kioskToken,
            body: #"{"services":["\#(options.walkInService)"]}"#, route: ticketRoute)
    }

    private func callNext(_ counter: String) -> LoadRequest {
        staff(
            "POST", "/v1/offices/\(options.office)/counters/\(counter)/call-next", token: options.counterToken,
            body: nil, route: callRoute)
    }

    private func finish(_ ticket: String) -> LoadRequest {
        staff("POST", "/v1/tickets/\(ticket)/finish", token: options.counterToken, body: nil, route: finishRoute)
    }

    private func availability() -> LoadRequest {
        staff(
            "GET", "/v1/offices/\(options.office)/availability?service=\(options.hotlineService)",
            token: options.hotlineToken, body: nil, route: availabilityRoute)
    }

    private func book(_ start: String) -> LoadRequest {
        let caller = random.next() % 1_000_000
        return staff(
            "POST", "/v1/bookings", token: options.hotlineToken,
            body:
                #"{"office":"\#(options.office)","services":["\#(options.hotlineService)"],"start":"\#(start)","contact":{"name":"Anrufer \#(caller)","phone":"+49 30 \#(1_000_000 + caller)"}}"#,
            route: bookingRoute)
    }

    // MARK: Answers

    /// The first string value of `"name":"…"` in an answer's body (ids and numbers hold no escapes).
    static func field(_ name: String, in response: LoadResponse) -> String? {
        let key = Array("\"\(name)\":\"".utf8)
        let body = response.body
        guard body.count > key.count else { return nil }
        var index = 0
        while index + key.count <= body.count {
            if body[index] == key[0], body[index..<index + key.count].elementsEqual(key) {
                let start = index + key.count
                guard let end = body[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return String(decoding: body[start..<end], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// Every free start an availability answer offers.
    static func starts(in response: LoadResponse) -> [String] {
        guard let days = (try? JSONValue.parse(response.body))?["days"]?.arrayValue else { return [] }
        return days.flatMap { ($0["slots"]?.arrayValue ?? []).compactMap(\.stringValue) }
    }
}
