/// What the load generator counts while it runs: every answer's latency by route, the answers by
/// route and status, the rejections (the answers that turn a citizen away or make it retry), and
/// what went wrong on the wire.
final class LoadStatistics {
    /// The statuses that refuse a request without doing it: retry elsewhere or later.
    static let rejections: Set<Int> = [403, 409, 410, 429, 503]

    struct Route {
        var name: String
        var latencies: [Double] = []
        var statuses: [Int: Int] = [:]
    }

    private(set) var routes: [Route] = []
    private var routeIndex: [String: Int] = [:]
    /// Latencies (seconds) of the answers in `rejections`.
    private(set) var rejected: [Double] = []
    /// 5xx answers other than a 503 with `Retry-After`.
    private(set) var unexpectedServerErrors = 0
    /// Requests that got no answer: the connection failed or closed before it, or it took longer
    /// than the request timeout.
    private(set) var transportErrors = 0
    private(set) var timeouts = 0
    private(set) var connectFailures = 0
    /// `GET`s sent again because the server closed a kept-alive connection before answering.
    private(set) var resends = 0
    private(set) var firstSent: Double?
    private(set) var lastAnswered: Double?
    /// Per second since the first request: the latencies of the answers received in it.
    private(set) var seconds: [[Double]] = []

    /// The index of the route called `name` (created on first use).
    func route(_ name: String) -> Int {
        if let index = routeIndex[name] { return index }
        routes.append(Route(name: name))
        routeIndex[name] = routes.count - 1
        return routes.count - 1
    }

    func sent(at now: Double) {
        if firstSent == nil { firstSent = now }
    }

    func record(route: Int, status: Int, retryAfter: Int?, latency: Double, at now: Double) {
        routes[route].latencies.append(latency)
        routes[route].statuses[status, default: 0] += 1
        if Self.rejections.contains(status) { rejected.append(latency) }
        if status >= 500, !(status == 503 && retryAfter != nil) { unexpectedServerErrors += 1 }
        lastAnswered = now
        let second = Int(now - (firstSent ?? now))
        while seconds.count <= second { seconds.append([]) }
        seconds[second].append(latency)
    }

    func transportError(timedOut: Bool) {
        if timedOut { timeouts += 1 } else { transportErrors += 1 }
    }

    func connectFailed() { connectFailures += 1 }

    func resent() { resends += 1 }

    /// Answers of every route.
    var answers: Int { routes.reduce(0) { $0 + $1.latencies.count } }

    /// Answers by status over all routes.
    var statuses: [Int: Int] {
        routes.reduce(into: [:]) { total, route in total.merge(route.statuses, uniquingKeysWith: +) }
    }

    /// Seconds from the first request sent to the last answer received.
    var elapsed: Double {
        guard let firstSent, let lastAnswered, lastAnswered > firstSent else { return 0 }
        return lastAnswered - firstSent
    }

    /// Answers per second over `elapsed`.
    var throughput: Double { elapsed > 0 ? Double(answers) / elapsed : 0 }

    /// The `fraction` quantile (0.5, 0.99) of `values` by the nearest-rank method; 0 when empty.
    static func quantile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
