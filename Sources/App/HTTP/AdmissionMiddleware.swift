import Dispatch
package import HTTPServer
import Scheduling
import Synchronization

/// Limits that keep Rathaus answering during a rush (Documentation/RushHour.md).
package struct AdmissionConfiguration: Sendable {
    /// Requests in progress at once (all but the exempt routes', staff's included) beyond which
    /// a public request gets an immediate 503 with `Retry-After`; staff are never refused.
    package var maxPublicInFlight = 512
    /// Requests per second one client (address) may make on average.
    package var requestsPerSecond = 20.0
    /// Requests one client may make in a burst.
    package var burst = 40.0
    /// Clients tracked at once; when full, the fullest buckets are forgotten first.
    package var maxClients = 100_000
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed.
    package var trustedProxies: Set<String> = []
    /// The `Retry-After` of a 503.
    package var retryAfterSeconds = 1
    /// Routes never limited (monitoring).
    package var exemptRoutes: Set<String> = ["/healthz", "/metrics"]

    package init() {}
}

/// A token bucket per client: `rate` tokens a second up to `burst`; a request takes one.
/// Pure apart from its table: the caller passes the time, so tests need no sleeps.
package struct TokenBuckets: Sendable {
    private var buckets: [String: (tokens: Double, at: Double)] = [:]
    package let rate: Double
    package let burst: Double
    package let capacity: Int

    package init(rate: Double, burst: Double, capacity: Int) {
        self.rate = max(0.001, rate)
        self.burst = max(1, burst)
        self.capacity = max(1, capacity)
    }

    /// Takes a token for `client` at `now` (seconds on a monotonic clock): nil when allowed, else
    /// the seconds until the next token.
    package mutating func take(_ client: String, now: Double) -> Double? {
        if buckets.count >= capacity, buckets[client] == nil { forgetRefilled(now: now) }
        // One lookup: the bucket is changed where it lies.
        let (rate, burst) = (rate, burst)
        return withBucket(client, now: now) { bucket in
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.at) * rate)
            bucket.at = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return (1 - bucket.tokens) / rate
        }
    }

    private mutating func withBucket<Result>(
        _ client: String, now: Double, _ body: (inout (tokens: Double, at: Double)) -> Result
    ) -> Result {
        body(&buckets[client, default: (burst, now)])
    }

    /// Forgets clients whose bucket has refilled (they lose nothing by it); all when none has.
    private mutating func forgetRefilled(now: Double) {
        buckets = buckets.filter { min(burst, $0.value.tokens + (now - $0.value.at) * rate) < burst }
        if buckets.count >= capacity { buckets.removeAll(keepingCapacity: true) }
    }

    package var tracked: Int { buckets.count }
}

/// Admission control and per-client rate limits as middleware: staff with a known token or
/// session are not held back by the public limits (the hotline keeps working in a rush); everyone else gets
/// 429 (`rate-limited`) past the client's rate and 503 (`overloaded`) past the requests in
/// flight, both as problems with `Retry-After`, at once.
package final class AdmissionMiddleware: Middleware {
    package let configuration: AdmissionConfiguration
    private let callers: CallerResolver
    private let metrics: Metrics
    private let inFlight = Atomic<Int>(0)
    private let buckets: Mutex<TokenBuckets>
    private let start = MonotonicClock.seconds()
    /// `configuration.exemptRoutes` as a list: a few patterns compare faster than they hash.
    private let exemptRoutes: [String]

    package init(configuration: AdmissionConfiguration, callers: CallerResolver, metrics: Metrics) {
        self.configuration = configuration
        self.exemptRoutes = Array(configuration.exemptRoutes)
        self.callers = callers
        self.metrics = metrics
        buckets = Mutex(
            TokenBuckets(
                rate: configuration.requestsPerSecond, burst: configuration.burst, capacity: configuration.maxClients))
    }

    /// The client a request comes from: the peer, or behind a trusted proxy the last address of
    /// `X-Forwarded-For` that is not itself a trusted proxy.
    package static func client(of request: HTTPRequest, trustedProxies: Set<String>) -> String {
        var client = request.remoteHost
        guard !trustedProxies.isEmpty, trustedProxies.contains(client) else { return client }
        // Several field lines are one list, in order (RFC 9110 §5.3): a proxy that adds its own
        // line (HAProxy's `option forwardfor`) must not leave the client's own line to be believed.
        let forwarded = request.headers.values(for: "X-Forwarded-For").joined(separator: ",")
        guard !forwarded.isEmpty else { return client }
        for hop in forwarded.split(separator: ",").reversed() {
            client = hop.trimmingWhitespace
            if !trustedProxies.contains(client) { break }
        }
        return client
    }

    package func handle(_ request: HTTPRequest, _ responder: Responder, next: Next) {
        if isExempt(request.route) {
            next(request, responder)
            return
        }
        // Counted from here until `finished`, which every request handed to the chain reaches:
        // no callback per request.
        let inProgress = inFlight.wrappingAdd(1, ordering: .relaxed).newValue
        // The token and the session cookie are read once here, for both questions below.
        let token = CallerResolver.token(of: request)
        let session = token == nil && callers.sessions != nil ? StaffSessions.cookie(of: request) : nil
        let knownStaff =
            if token != nil {
                callers.isKnownStaff(token: token)
            } else if let session, let sessions = callers.sessions {
                sessions.isKnown(cookie: session)
            } else {
                false
            }
        if knownStaff {
            next(request, responder)
            return
        }
        let client = Self.client(of: request, trustedProxies: configuration.trustedProxies)
        let now = MonotonicClock.seconds() - start
        if let wait = buckets.withLock({ $0.take(client, now: now) }) {
            metrics.count("rathaus_rate_limited_total")
            let seconds = max(1, Int(wait.rounded(.up)))
            responder.respond(
                .problem(
                    APIProblem(
                        .rateLimited,
                        detail:
                            "This client sent more than \(Int(configuration.requestsPerSecond)) requests a second; wait \(seconds) s.",
                        headers: [("Retry-After", String(seconds))])))
            return
        }
        let staffToken = token?.hasPrefix(CallerResolver.staffPrefix) ?? false
        if staffToken || session != nil {
            // A staff token or session not seen lately: its first request costs a public token (so
            // that made-up ones cannot flood the database with look-ups); the look-up warms the
            // cache and its later requests pass freely.
            callers.resolve(request) { _ in next(request, responder) }
            return
        }
        guard inProgress <= configuration.maxPublicInFlight else {
            metrics.count("rathaus_overloaded_total")
            responder.respond(
                .problem(
                    APIProblem(
                        .overloaded,
                        detail: "The server is at its limit of requests in progress; please retry in a moment.",
                        headers: [("Retry-After", String(configuration.retryAfterSeconds))])))
            return
        }
        next(request, responder)
    }

    /// Ends the count of a request `handle` counted.
    package func finished(_ record: ResponseRecord) {
        if !isExempt(record.route) { inFlight.subtract(1, ordering: .relaxed) }
    }

    private func isExempt(_ route: String?) -> Bool {
        guard let route else { return false }
        return exemptRoutes.contains(route)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
