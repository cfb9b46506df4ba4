import Dispatch
import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Synchronization

@testable import App

/// The API over a fresh database in a temporary directory, called in-process (no sockets), with
/// a manual clock at Monday 7 December 2026, 07:30 in Berlin.
final class APIHarness: Sendable {
    struct Answer: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as JSON, for reading fields.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
        var problemKind: String? { (json["type"] as? String)?.split(separator: "/").last.map(String.init) }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demo = try? MunicipalityLoader.load(path: root.appendingPathComponent(MunicipalityLoader.demoPath).path)

    let directory: TemporaryDirectory
    let clock = SharedClock(Fixtures.instant("2026-12-07T07:30"))
    let database: Database
    let api: RathausApp

    /// Sign-in as the tests have it: passwords hashed with few iterations, so that a test of
    /// many attempts stays quick (the iterations of a stored hash are read from the hash).
    static var testSignIn: SignInSettings {
        var settings = SignInSettings()
        settings.passwordIterations = 1_000
        return settings
    }

    static let demoDocument = try? ConfigurationDocument.read(
        file: root.appendingPathComponent(MunicipalityLoader.demoPath).path)

    /// The API over the demo town's configuration document (stored as version 1, so that the
    /// administration routes can change it), or over `town` alone; staff sign in as `signIn` says;
    /// mail as `mail` says, through `transport` when given (else into a Maildir folder beside the
    /// database).
    init(
        town: Municipality? = nil, signIn: SignInSettings = APIHarness.testSignIn, provider: ProviderLink? = nil,
        mail: MailSettings = MailSettings(), transport: (any MailTransport)? = nil
    ) throws {
        directory = try TemporaryDirectory()
        let path = directory.file("api.sqlite")
        let live: LiveConfiguration
        if let town {
            live = LiveConfiguration(municipality: town)
        } else {
            guard let document = Self.demoDocument else { throw CocoaError(.fileReadUnknown) }
            let resolved = try ConfigurationStartup.resolve(
                file: document, fileName: "musterstadt.json", fileBytes: document.fileBytes, databasePath: path,
                now: clock.now)
            live = LiveConfiguration(resolved.state)
        }
        database = try Database.open(
            path: path, municipality: live.municipality, clock: clock.read, messages: mail.policy)
        api = try RathausApp(
            configuration: live, database: database, clock: clock.read, tokenCacheSeconds: 0, signIn: signIn,
            provider: provider, mail: mail, transport: transport)
    }

    deinit {
        // The app's parts refer to each other (the writers' observers hold the desks that hold
        // the database), so the database outlives the harness: its files are closed here, or
        // every harness of a test run would keep three of them open.
        database.close()
        directory.remove()
    }

    /// Sends a request through the API's routes and waits for the answer.
    func send(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], json: String? = nil) -> Answer {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name, value) }
        if json != nil, !headers.contains(where: { $0.0 == "Content-Type" }) {
            fields.add("Content-Type", "application/json")
        }
        let request = HTTPRequest(method: method, target: target, headers: fields, body: Array((json ?? "").utf8))
        let result = Mutex<Answer?>(nil)
        let done = DispatchSemaphore(value: 0)
        api.handle(request) { reply in
            switch reply {
            case .response(let response):
                result.withLock {
                    $0 = Answer(
                        status: response.status.code, headers: response.headers.map { ($0.name, $0.value) },
                        body: response.body)
                }
            case .stream:
                result.withLock { $0 = Answer(status: 200, headers: [("Content-Type", "text/event-stream")], body: []) }
            }
            done.signal()
        }
        if done.wait(timeout: .now() + 10) == .timedOut { return Answer(status: 0, headers: [], body: []) }
        return result.withLock { $0 } ?? Answer(status: 0, headers: [], body: [])
    }

    /// A new staff token.
    func staffToken(_ role: StaffRole, office: OfficeID? = nil) throws -> String {
        try database.committer.withConnection { connection in
            try connection.createStaffToken(role: role, office: office, name: "test", now: clock.now).token
        }
    }

    func bearer(_ token: String) -> (String, String) { ("Authorization", "Bearer \(token)") }

    /// Rows in `table`.
    func count(_ table: String) throws -> Int {
        try database.reader.sync { try $0.scalar("SELECT count(*) FROM \(table)", as: Int.self) } ?? -1
    }

    /// The first free start of `service` at `office` for the online channel.
    func freeStart(_ office: String = "rathaus", service: String = "personalausweis", persons: Int = 1) -> String? {
        let answer = send(.get, "/v1/offices/\(office)/availability?service=\(service)&persons=\(persons)")
        let days = answer.json["days"] as? [[String: Any]]
        return (days?.first?["slots"] as? [String])?.first
    }

    /// Books directly and returns the answer.
    func book(
        _ start: String, office: String = "rathaus", services: [String] = ["personalausweis"],
        email: String = "erika@example.org",
        headers: [(String, String)] = []
    ) -> Answer {
        let list = services.map { "\"\($0)\"" }.joined(separator: ",")
        return send(
            .post, "/v1/bookings", headers: headers,
            json:
                #"{"office":"\#(office)","services":[\#(list)],"start":"\#(start)","contact":{"name":"Erika Mustermann","email":"\#(email)"}}"#
        )
    }
}

/// Collects what an event stream is sent.
final class TestSink: EventSink, @unchecked Sendable {
    // Invariant: all state is behind the mutex.
    private let state = Mutex<(events: [ServerSentEvent], closed: Bool, onClose: [@Sendable () -> Void])>(
        ([], false, []))
    private let arrived = DispatchSemaphore(value: 0)

    func send(_ event: ServerSentEvent) {
        state.withLock { $0.events.append(event) }
        arrived.signal()
    }

    func close() {
        let callbacks = state.withLock { state -> [@Sendable () -> Void] in
            state.closed = true
            return state.onClose
        }
        for callback in callbacks { callback() }
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    func onClose(_ callback: @escaping @Sendable () -> Void) {
        state.withLock { $0.onClose.append(callback) }
    }

    var events: [ServerSentEvent] { state.withLock { $0.events } }

    /// Waits until at least `count` events have arrived (at most 5 s).
    func wait(for count: Int) -> [ServerSentEvent] {
        while events.count < count {
            if arrived.wait(timeout: .now() + 5) == .timedOut { break }
        }
        return events
    }
}

extension APIHarness {
    /// Opens an event stream route into a test sink.
    func openStream(_ target: String, headers: [(String, String)] = []) -> TestSink? {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name, value) }
        let sink = TestSink()
        let opened = Mutex(false)
        let done = DispatchSemaphore(value: 0)
        api.handle(HTTPRequest(method: .get, target: target, headers: fields)) { reply in
            if case .stream(_, let start) = reply {
                start(sink)
                opened.withLock { $0 = true }
            }
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
        return opened.withLock { $0 } ? sink : nil
    }
}
