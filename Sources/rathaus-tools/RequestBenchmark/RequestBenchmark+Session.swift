import App
import HTTPServer
import Scheduling
import Storage

extension RequestBenchmark {
    /// The server, its client connections and staff tokens, and what each scenario sends. Every
    /// request is written out as bytes before its scenario is measured.
    final class Session {
        let server: RathausServer
        let options: Options
        let today: LocalDate
        let client: BenchConnection
        let kioskToken: String
        let counterToken: String
        /// Free starts of `bookedService`, each used once, by holds and bookings in turn.
        private var freeStarts: [String] = []
        private var displays: [BenchConnection] = []

        init(server: RathausServer, town: Municipality, options: Options) throws {
            self.server = server
            self.options = options
            guard let office = town.offices.first(where: { $0.id.rawValue == RequestBenchmark.office }) else {
                throw Failure.setUp("no office \(RequestBenchmark.office)")
            }
            today = office.timeZone.local(RequestBenchmark.now).date
            let id = office.id
            (kioskToken, counterToken) = try server.database.committer.withConnection { connection in
                (
                    try connection.createStaffToken(role: .kiosk, office: id, name: "bench", now: RequestBenchmark.now)
                        .token,
                    try connection.createStaffToken(
                        role: .counter, office: id, name: "bench", now: RequestBenchmark.now
                    ).token
                )
            }
            client = try BenchConnection(port: server.port)
        }

        /// What one iteration of `scenario` does, given its number (distinct within the run).
        func prepare(_ scenario: Scenario) throws -> (Int) throws -> Void {
            let total = options.warmUp + options.count
            let availability = "/v1/offices/\(RequestBenchmark.office)/availability?service="
            switch scenario {
            case .healthz:
                return repeating(Self.request("GET", "/healthz"), scenario)
            case .offices:
                return repeating(Self.request("GET", "/v1/offices"), scenario)
            case .availability:
                return repeating(Self.request("GET", availability + "personalausweis"), scenario)
            case .availability92:
                let target = availability + "personalausweis&from=\(today.iso)&to=\(today.adding(days: 91).iso)"
                return repeating(Self.request("GET", target), scenario)
            case .availabilityMiss:
                let services = ["personalausweis", "reisepass", "anmeldung", "meldebescheinigung"]
                let requests = (0..<total).map { index in
                    let from = today.adding(days: index / services.count)
                    return Self.request(
                        "GET",
                        availability + services[index % services.count]
                            + "&from=\(from.iso)&to=\(from.adding(days: 13).iso)")
                }
                return each(requests, scenario)
            case .hold:
                let starts = try takeFreeStarts(total)
                let requests = starts.map { start in
                    Self.request(
                        "POST", "/v1/holds",
                        json:
                            #"{"office":"\#(RequestBenchmark.office)","services":["\#(RequestBenchmark.bookedService)"],"start":"\#(start)"}"#
                    )
                }
                return each(requests, scenario, expecting: 201)
            case .booking:
                let starts = try takeFreeStarts(total)
                let requests = starts.enumerated().map { index, start in
                    Self.request(
                        "POST", "/v1/bookings",
                        json:
                            #"{"office":"\#(RequestBenchmark.office)","services":["\#(RequestBenchmark.bookedService)"],"start":"\#(start)","contact":{"name":"Bürger \#(index)","email":"b\#(index)@example.org"}}"#
                    )
                }
                return each(requests, scenario, expecting: 201)
            case .callNext, .display:
                if scenario == .display { try openDisplays() }
                try issueTickets(total)
                return callNext()
            }
        }

        /// The body of the `availability` scenario's answer.
        func availabilityAnswer() throws -> [UInt8] {
            let request = Self.request(
                "GET", "/v1/offices/\(RequestBenchmark.office)/availability?service=personalausweis")
            let (status, body) = try client.exchange(request, on: server.http, keepingBody: true)
            guard status == 200 else { throw Failure.unexpected("availability", status: status, body: "") }
            return body
        }

        // MARK: Iterations

        private func repeating(_ request: [UInt8], _ scenario: Scenario) -> (Int) throws -> Void {
            each([request], scenario)
        }

        /// Sends `requests[index % count]`; an answer other than `expecting` stops the run, so
        /// that only the work meant is counted.
        private func each(_ requests: [[UInt8]], _ scenario: Scenario, expecting: Int = 200) -> (Int) throws -> Void {
            { [client, server] index in
                let request = requests[index % requests.count]
                let (status, _) = try client.exchange(request, on: server.http)
                guard status == expecting else {
                    // Asked again for the body, to say why.
                    let (_, body) = try client.exchange(request, on: server.http, keepingBody: true)
                    throw Failure.unexpected(
                        scenario.rawValue, status: status, body: String(decoding: body, as: UTF8.self))
                }
            }
        }

        /// Calls the next ticket at the walk-in counter and finishes it.
        private func callNext() -> (Int) throws -> Void {
            let callNext = Self.request(
                "POST",
                "/v1/offices/\(RequestBenchmark.office)/counters/\(RequestBenchmark.counter)/call-next",
                headers: [("Authorization", "Bearer \(counterToken)")])
            let authorization = "Bearer \(counterToken)"
            return { [client, server, displays] _ in
                let (status, body) = try client.exchange(callNext, on: server.http, keepingBody: true)
                guard status == 200, let ticket = Self.stringField("id", in: body[...]) else {
                    throw Failure.unexpected("call-next", status: status, body: String(decoding: body, as: UTF8.self))
                }
                let finish = Self.request(
                    "POST", "/v1/tickets/\(ticket)/finish", headers: [("Authorization", authorization)])
                let (finished, answer) = try client.exchange(finish, on: server.http)
                guard finished == 200 else {
                    throw Failure.unexpected("finish", status: finished, body: String(decoding: answer, as: UTF8.self))
                }
                for display in displays { display.discardAvailable() }
            }
        }

        // MARK: Set-up

        /// `count` free starts of `bookedService` not used before, read through availability.
        private func takeFreeStarts(_ count: Int) throws -> [String] {
            if freeStarts.count < count {
                var found: [String] = []
                let target =
                    "/v1/offices/\(RequestBenchmark.office)/availability?service=\(RequestBenchmark.bookedService)"
                    + "&from=\(today.iso)&to=\(today.adding(days: 91).iso)"
                let (status, body) = try client.exchange(
                    Self.request("GET", target), on: server.http, keepingBody: true)
                guard status == 200, case .object(let members)? = try? JSONValue.parse(body),
                    case .array(let days)? = members.first(where: { $0.key == "days" })?.value
                else { throw Failure.unexpected("availability", status: status, body: "") }
                for case .object(let day) in days {
                    guard case .array(let slots)? = day.first(where: { $0.key == "slots" })?.value else { continue }
                    for case .string(let start) in slots { found.append(start) }
                }
                freeStarts = found.filter { start in !used.contains(start) }
            }
            guard freeStarts.count >= count else {
                throw Failure.setUp("only \(freeStarts.count) free starts left; ask for fewer requests")
            }
            let taken = Array(freeStarts.prefix(count))
            freeStarts.removeFirst(count)
            used.formUnion(taken)
            return taken
        }

        private var used: Set<String> = []

        /// Draws `count` walk-in tickets at the kiosk.
        private func issueTickets(_ count: Int) throws {
            let request = Self.request(
                "POST", "/v1/offices/\(RequestBenchmark.office)/tickets",
                headers: [("Authorization", "Bearer \(kioskToken)")],
                json: #"{"services":["\#(RequestBenchmark.ticketService)"]}"#)
            for _ in 0..<count {
                let (status, body) = try client.exchange(request, on: server.http, keepingBody: true)
                guard status == 201 else {
                    throw Failure.unexpected("ticket", status: status, body: String(decoding: body, as: UTF8.self))
                }
            }
        }

        /// Opens the displays' event streams of the office.
        private func openDisplays() throws {
            let request = Self.request("GET", "/v1/offices/\(RequestBenchmark.office)/queue/events")
            for _ in 0..<options.displays {
                let display = try BenchConnection(port: server.port)
                let status = try display.openStream(request, on: server.http)
                guard status == 200 else { throw Failure.unexpected("queue/events", status: status, body: "") }
                displays.append(display)
            }
        }

        // MARK: Bytes

        static func request(_ method: String, _ target: String, headers: [(String, String)] = [], json: String? = nil)
            -> [UInt8]
        {
            var head = "\(method) \(target) HTTP/1.1\r\nHost: bench\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            if let json {
                head += "Content-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n"
            } else if method == "POST" {
                head += "Content-Length: 0\r\n"
            }
            return Array((head + "\r\n" + (json ?? "")).utf8)
        }

        /// The first string value of `"name":"…"` in a JSON body (ids hold no escapes).
        static func stringField(_ name: String, in body: ArraySlice<UInt8>) -> String? {
            let key = Array("\"\(name)\":\"".utf8)
            guard let start = body.indices.first(where: { body[$0...].starts(with: key) }) else { return nil }
            let valueStart = start + key.count
            guard let end = body[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return String(decoding: body[valueStart..<end], as: UTF8.self)
        }
    }
}
