import App
import Foundation
import Scheduling

/// The writing side of the soak benchmark (`Scripts/bench-soak`): citizens who look up a
/// varied question (an office, one of its services, a first day within the booking window, a
/// range of 1 to 14 days), book one of the free starts, and cancel the booking again with its
/// token, one after another until `until`; each at most `perSecond` bookings a second together.
/// Every booking has its own contact.
final class SoakScenario: LoadScenario {
    struct Options {
        /// The offices and the services each offers (online).
        var offices: [(office: String, services: [String])] = []
        var clients = 4
        var perSecond = 2.0
        var days = 40
        var seed: UInt64 = 21
    }

    let options: Options
    let clientCount: Int
    private let until: Double
    private let availabilityRoute: Int
    private let bookingRoute: Int
    private let cancelRoute: Int
    private var random: SplitMix
    private var serial = 0
    private(set) var booked = 0
    private(set) var cancelled = 0
    private(set) var failures: [String: Int] = [:]

    init(options: Options, until: Double, statistics: LoadStatistics) {
        self.options = options
        self.until = until
        clientCount = options.clients
        availabilityRoute = statistics.route("GET availability")
        bookingRoute = statistics.route("POST bookings")
        cancelRoute = statistics.route("DELETE bookings")
        random = SplitMix(seed: options.seed)
    }

    func start(_ client: Int, now: Double) -> LoadAction {
        .sendAt(now + Double(client) / options.perSecond, ask())
    }

    func receive(_ client: Int, _ request: LoadRequest, _ response: LoadResponse, now: Double) -> LoadAction {
        guard now < until else { return .done }
        let pause = Double(options.clients) / options.perSecond
        switch request.route {
        case availabilityRoute:
            let starts = HallScenario.starts(in: response)
            guard response.status == 200, !starts.isEmpty, let office = Self.office(of: request) else {
                if response.status != 200 { failures["availability \(response.status)", default: 0] += 1 }
                return .sendAt(now + pause, ask())
            }
            return .send(book(office, service: Self.service(of: request), start: starts[pick(starts.count)]))
        case bookingRoute:
            guard response.status == 201, let id = HallScenario.field("id", in: response),
                let token = HallScenario.field("token", in: response)
            else {
                if response.status != 409 { failures["booking \(response.status)", default: 0] += 1 }
                return .sendAt(now + pause, ask())
            }
            booked += 1
            return .send(cancel(id, token: token))
        default:
            if response.status == 200 { cancelled += 1 } else { failures["cancel \(response.status)", default: 0] += 1 }
            return .sendAt(now + pause, ask())
        }
    }

    func failed(_ client: Int, _ request: LoadRequest, now: Double) -> LoadAction {
        failures["no answer", default: 0] += 1
        return now < until ? .sendAt(now + 1, ask()) : .done
    }

    private func pick(_ count: Int) -> Int { Int(random.next() % UInt64(max(1, count))) }

    private func request(_ text: String, route: Int) -> LoadRequest {
        serial += 1
        return LoadRequest(route: route, bytes: Array(text.utf8))
    }

    /// A varied question: office, service, first day and range at random.
    private func ask() -> LoadRequest {
        let (office, services) = options.offices[pick(options.offices.count)]
        let service = services[pick(services.count)]
        let first = 1 + pick(options.days)
        let span = 1 + pick(14)
        let today = LocalDate(dayNumber: Int(Date().timeIntervalSince1970 / 86_400))
        let from = today.adding(days: first)
        return request(
            "GET /v1/offices/\(office)/availability?service=\(service)&from=\(from.iso)&to=\(from.adding(days: span - 1).iso) HTTP/1.1\r\nHost: rathaus\r\n\r\n",
            route: availabilityRoute)
    }

    private func book(_ office: String, service: String, start: String) -> LoadRequest {
        let body =
            #"{"office":"\#(office)","services":["\#(service)"],"start":"\#(start)","contact":{"name":"Dauerlauf \#(serial)","email":"soak\#(serial)@example.org"}}"#
        return request(
            "POST /v1/bookings HTTP/1.1\r\nHost: rathaus\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)",
            route: bookingRoute)
    }

    private func cancel(_ id: String, token: String) -> LoadRequest {
        request(
            "DELETE /v1/bookings/\(id) HTTP/1.1\r\nHost: rathaus\r\nAuthorization: Bearer \(token)\r\n\r\n",
            route: cancelRoute)
    }

    /// The office and service a request asked about (from its target).
    private static func office(of request: LoadRequest) -> String? {
        let text = String(decoding: request.bytes.prefix(200), as: UTF8.self)
        guard let start = text.range(of: "/v1/offices/"), let end = text[start.upperBound...].firstIndex(of: "/")
        else { return nil }
        return String(text[start.upperBound..<end])
    }

    private static func service(of request: LoadRequest) -> String {
        let text = String(decoding: request.bytes.prefix(300), as: UTF8.self)
        guard let start = text.range(of: "service=") else { return "" }
        return String(text[start.upperBound...].prefix { $0 != "&" && $0 != " " })
    }
}
