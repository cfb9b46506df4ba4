import Dispatch
package import HTTPServer
package import Scheduling
import Storage
import Synchronization

/// This instance's view of the others (Documentation/Operations.md, "Several instances"): which
/// requests belong to an office another instance serves, passing such a request on to it, and
/// asking every peer at once in a search across offices.
///
/// The reverse proxy routes what it can see (paths, `?office=`) to the right instance; what it
/// cannot (the office named in a JSON body or a form) arrives anywhere and is passed on here, once.
/// Peer requests block on a concurrent queue of their own, never on an event-loop thread.
package final class Peers: Sendable {
    package let instances: Instances
    /// This instance.
    package let local: Instances.Instance
    private let queue = DispatchQueue(label: "rathaus.peers", attributes: .concurrent)
    private let log: @Sendable (String) -> Void

    /// Marks a request passed on by a peer, with the peer's name: it is never passed on again.
    package static let forwardedHeader = "Rathaus-Forwarded-By"
    /// The largest answer accepted from a peer.
    static let maxAnswerBytes = 8 << 20

    package init(instances: Instances, local: Instances.Instance, log: @escaping @Sendable (String) -> Void) {
        self.instances = instances
        self.local = local
        self.log = log
    }

    /// The other instances.
    package var others: [Instances.Instance] { instances.instances.filter { $0.name != local.name } }

    /// The offices this instance serves.
    package var served: Set<OfficeID> { Set(local.offices) }

    /// The addresses peers connect from, to be trusted as proxies (their `X-Forwarded-For`).
    package var addresses: [String] { others.map(\.host) }

    // MARK: Passing requests on

    /// The office `request` is about, if it names one: in its path (`{office}`, the office a
    /// hold's, booking's or ticket's id begins with), in `?office=` of the times page, or in the
    /// JSON body or form of a new hold or booking.
    static func office(of request: HTTPRequest) -> OfficeID? {
        if let office = request.parameters["office"] { return OfficeID(office) }
        for name in ["hold", "booking"] {
            if let id = request.parameters[name] { return RecordID.office(of: id) }
        }
        if let ticket = request.parameters["ticket"] { return TicketID(ticket).office }
        guard let route = request.route else { return nil }
        let page = route.hasPrefix("/en/") ? String(route.dropFirst(3)) : route
        if page == "/zeiten" { return request.query["office"].map { OfficeID($0) } }
        guard request.method == .post else { return nil }
        switch page {
        case "/v1/holds", "/v1/bookings":
            guard case .object(let members)? = try? JSONValue.parse(request.body) else { return nil }
            for (key, value) in members {
                if key == "office", case .string(let office) = value { return OfficeID(office) }
                if key == "hold", case .string(let hold) = value { return RecordID.office(of: hold) }
            }
            return nil
        case "/reservierung":
            return PageAnswers.formFields(request)["office"].map { OfficeID($0) }
        default:
            return nil
        }
    }

    /// The peer that serves the office `request` is about, when that is not this instance.
    package func owner(of request: HTTPRequest) -> Instances.Instance? {
        guard let office = Self.office(of: request), !served.contains(office),
            let owner = instances.owner(of: office), owner.name != local.name
        else { return nil }
        return owner
    }

    /// Answers `request` through `peer` when it belongs there: passes it on (headers and body as
    /// they came, with the client added to `X-Forwarded-For`) and answers with the peer's answer;
    /// an event stream, or a request a peer passed on already, gets a 421 instead. False when the
    /// request is this instance's own.
    package func passOn(_ request: HTTPRequest, isStream: Bool, answer: @escaping @Sendable (HTTPResponse) -> Void)
        -> Bool
    {
        guard let peer = owner(of: request) else { return false }
        if isStream || request.headers[Self.forwardedHeader] != nil {
            answer(
                .problem(
                    APIProblem(
                        .servedElsewhere,
                        detail: "Instance \(peer.name) serves this office; send the request through the reverse proxy."
                    )))
            return true
        }
        var headers: [(String, String)] = []
        for (name, value) in request.headers where !Self.hopByHop.contains(name.lowercased()) {
            headers.append((name, value))
        }
        let earlier = request.headers.values(for: "X-Forwarded-For").joined(separator: ", ")
        let forwardedFor = earlier.isEmpty ? "" : earlier + ", "
        headers.append(("X-Forwarded-For", forwardedFor + request.remoteHost))
        headers.append((Self.forwardedHeader, local.name))
        let passed = headers
        let timeout = max(instances.peerTimeout, .seconds(10))
        let log = log
        queue.async {
            do {
                let response = try HTTPClient.send(
                    host: peer.host, port: peer.port, method: request.method, target: request.target,
                    headers: passed, body: request.body, timeout: timeout, maxResponseBytes: Self.maxAnswerBytes)
                var reply = HTTPResponse(status: HTTPStatus(code: response.status), body: response.body)
                for (name, value) in response.headers where !Self.hopByHop.contains(name.lowercased()) {
                    // The server writes its own Date, and the request id of this instance's log.
                    if !["date", "x-request-id"].contains(name.lowercased()) { reply.headers.add(name, value) }
                }
                answer(reply)
            } catch {
                log("level=warning event=peer.unavailable peer=\(peer.name) error=\"\(error)\"")
                answer(
                    .problem(
                        APIProblem(
                            .peerUnavailable,
                            detail: "Instance \(peer.name), which serves this office, did not answer.",
                            headers: [("Retry-After", "5")])))
            }
        }
        return true
    }

    /// Header fields that belong to one connection (RFC 9110 §7.6.1) or that the server writes
    /// itself.
    static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
        "content-length", "x-forwarded-for", forwardedHeader.lowercased(),
    ]

    // MARK: Searches across offices

    /// What one peer answered to a search: its JSON, or nil when it did not answer in time or not
    /// with 200.
    package struct Answer: Sendable {
        package var peer: Instances.Instance
        package var json: JSONValue?
    }

    /// Asks every peer `GET target` at once, each within the instances' peer timeout, and calls
    /// `done` with every answer (in the instances' order) once the last is in or timed out.
    package func ask(_ target: String, headers: [(String, String)], done: @escaping @Sendable ([Answer]) -> Void) {
        let peers = others
        guard !peers.isEmpty else {
            done([])
            return
        }
        let group = DispatchGroup()
        let answers = AnswerBox(count: peers.count)
        let timeout = instances.peerTimeout
        let log = log
        for (index, peer) in peers.enumerated() {
            group.enter()
            queue.async {
                var json: JSONValue?
                do {
                    let response = try HTTPClient.send(
                        host: peer.host, port: peer.port, method: .get, target: target,
                        headers: headers + [(Self.forwardedHeader, self.local.name)], timeout: timeout,
                        maxResponseBytes: Self.maxAnswerBytes)
                    if response.status == 200 {
                        json = try? JSONValue.parse(response.body)
                    } else {
                        log("level=warning event=peer.refused peer=\(peer.name) status=\(response.status)")
                    }
                } catch {
                    log("level=warning event=peer.unavailable peer=\(peer.name) error=\"\(error)\"")
                }
                answers.set(index, Answer(peer: peer, json: json))
                group.leave()
            }
        }
        group.notify(queue: queue) { done(answers.all) }
    }
}

/// The answers of a search, filled in from several threads.
private final class AnswerBox: Sendable {
    private let answers: Mutex<[Peers.Answer?]>

    init(count: Int) {
        answers = Mutex(Array(repeating: nil, count: count))
    }

    func set(_ index: Int, _ answer: Peers.Answer) {
        answers.withLock { $0[index] = answer }
    }

    var all: [Peers.Answer] { answers.withLock { $0.compactMap { $0 } } }
}
