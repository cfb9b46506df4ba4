import App
import Glibc
import Scheduling

/// Durable bookings per second through HTTP (issue 8, item 6): one client per connection, each
/// booking a distinct free start of some office (in random order, so that every office writer
/// is busy) and sending the next as soon as the answer has come, for a fixed time. Each booking
/// has its own contact and its own `X-Forwarded-For` address.
final class BookingScenario: LoadScenario {
    let clientCount: Int
    let route: Int
    private let work: [(office: String, start: String)]
    private let service: String
    private let stopAt: Double
    private var next = 0
    private(set) var booked = 0
    /// Answers other than 201, by status.
    private(set) var refused: [Int: Int] = [:]
    private(set) var firstSent: Double?
    private(set) var lastBooked: Double?
    /// Where each answered booking's id and the wall-clock millisecond of its answer are written,
    /// one line each, as soon as it is answered (the recovery drill compares them with the
    /// restored database); -1 for nowhere.
    private let record: Int32

    init(
        work: [(office: String, start: String)], service: String, clients: Int, seconds: Double,
        statistics: LoadStatistics, now: Double, record: Int32 = -1
    ) {
        self.record = record
        self.work = work
        self.service = service
        clientCount = clients
        stopAt = now + seconds
        route = statistics.route("POST bookings")
    }

    private func nextBooking(now: Double) -> LoadAction {
        guard now < stopAt, next < work.count else { return .done }
        let index = next
        next += 1
        if firstSent == nil { firstSent = now }
        let (office, start) = work[index]
        let body =
            #"{"office":"\#(office)","services":["\#(service)"],"start":"\#(start)","contact":{"name":"Bürger \#(index)","email":"b\#(index)@example.org"}}"#
        let address = "10.\((index >> 16) & 255).\((index >> 8) & 255).\(index & 255)"
        let text =
            "POST /v1/bookings HTTP/1.1\r\nHost: rathaus\r\nX-Forwarded-For: \(address)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
            + body
        return .send(LoadRequest(route: route, bytes: Array(text.utf8)))
    }

    func start(_ client: Int, now: Double) -> LoadAction { nextBooking(now: now) }

    func receive(_ client: Int, _ request: LoadRequest, _ response: LoadResponse, now: Double) -> LoadAction {
        if response.status == 201 {
            booked += 1
            lastBooked = now
            if record >= 0, let id = Self.id(in: response.body) {
                var time = timespec()
                clock_gettime(CLOCK_REALTIME, &time)
                let line = Array("\(id) \(Int(time.tv_sec) * 1000 + Int(time.tv_nsec) / 1_000_000)\n".utf8)
                _ = line.withUnsafeBytes { write(record, $0.baseAddress, $0.count) }
            }
        } else {
            refused[response.status, default: 0] += 1
        }
        return nextBooking(now: now)
    }

    func failed(_ client: Int, _ request: LoadRequest, now: Double) -> LoadAction { nextBooking(now: now) }

    /// The `"id"` of a booking's answer.
    static func id(in body: [UInt8]) -> String? {
        let key = Array(#""id":""#.utf8)
        guard body.count > key.count else { return nil }
        for start in 0...(body.count - key.count) where body[start..<(start + key.count)].elementsEqual(key) {
            let from = start + key.count
            guard let end = body[from...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return String(decoding: body[from..<end], as: UTF8.self)
        }
        return nil
    }

    /// Durable bookings per second from the first request to the last booking answered.
    var rate: Double {
        guard let firstSent, let lastBooked, lastBooked > firstSent else { return 0 }
        return Double(booked) / (lastBooked - firstSent)
    }

    /// Free starts of `service` at every office of the server from tomorrow for `days` days, each
    /// as often as the office has counters, in random order (read through the public
    /// availability route).
    static func freeStarts(probe: ServerProbe, service: String, days: Int, seed: UInt64) throws -> [(
        office: String, start: String
    )] {
        let (status, offices) = try probe.json("/v1/offices")
        guard status == 200, let list = offices?.arrayValue else {
            throw LoadTestError.server("GET /v1/offices: \(status)")
        }
        let (_, health) = try probe.json("/healthz")
        guard let now = health?["time"]?.stringValue.flatMap({ RFC3339.parse($0) }) else {
            throw LoadTestError.server("/healthz has no time")
        }
        let today = now.instant.utc.date
        var work: [(office: String, start: String)] = []
        for office in list {
            guard let id = office["id"]?.stringValue else { continue }
            // Availability lists each start time once, however many counters have it free: offer
            // it once per counter (a counter without the service answers 409, counted as refused).
            let counters = max(1, office["counters"]?.arrayValue?.count ?? 1)
            let target =
                "/v1/offices/\(id)/availability?service=\(service)&from=\(today.adding(days: 1).iso)&to=\(today.adding(days: days).iso)"
            let (code, answer) = try probe.json(target, headers: [("X-Forwarded-For", "10.255.0.1")])
            guard code == 200 else { continue }
            for day in answer?["days"]?.arrayValue ?? [] {
                for slot in day["slots"]?.arrayValue ?? [] {
                    if let start = slot.stringValue {
                        for _ in 0..<counters { work.append((id, start)) }
                    }
                }
            }
        }
        var random = SplitMix(seed: seed)
        for index in work.indices.reversed() {
            work.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        return work
    }
}
