import Foundation
package import HTTPServer
import Synchronization

/// Counters and a latency histogram, written in the Prometheus text format (version 0.0.4) at
/// `/metrics`. Labels carry route patterns, statuses, offices and problem kinds, never ids.
package final class Metrics: Sendable {
    /// Upper bounds of the latency histogram's buckets, in seconds.
    package static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct Histogram {
        /// Answers by the first bucket they fall in (made cumulative when written out).
        var counts = Array(repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var count = 0

        mutating func add(_ seconds: Double) {
            if let index = Metrics.buckets.firstIndex(where: { seconds <= $0 }) { counts[index] += 1 }
            sum += seconds
            count += 1
        }

        mutating func add(_ other: Histogram) {
            for index in counts.indices { counts[index] += other.counts[index] }
            sum += other.sum
            count += other.count
        }
    }

    /// What is counted of one route pattern's answers: their latency and their number by method
    /// and status (a handful each), so that a request costs one lookup of its route.
    private struct RouteCounts {
        var latency = Histogram()
        var answers: [(method: String, status: Int?, count: Int)] = []

        mutating func add(method: String, status: Int?, seconds: Double) {
            latency.add(seconds)
            add(method: method, status: status, count: 1)
        }

        mutating func add(_ other: RouteCounts) {
            latency.add(other.latency)
            for answer in other.answers { add(method: answer.method, status: answer.status, count: answer.count) }
        }

        private mutating func add(method: String, status: Int?, count: Int) {
            if let index = answers.firstIndex(where: { $0.status == status && $0.method == method }) {
                answers[index].count += count
            } else {
                answers.append((method, status, count))
            }
        }
    }

    private struct State {
        /// By the router's number of the route (most answers: no pattern to hash), with its pattern.
        var numbered: [(route: String, counts: RouteCounts)?] = []
        /// By pattern, for answers without a route number ("unmatched", records made elsewhere).
        var named: [String: RouteCounts] = [:]
        var events: [String: Int] = [:]

        /// Route numbers counted by number; a router has a few hundred routes at most.
        static let numberedRoutes = 4096

        mutating func add(_ record: ResponseRecord, method: String, status: Int?, seconds: Double) {
            if let number = record.routeNumber, let route = record.route, number >= 0, number < Self.numberedRoutes {
                if number >= numbered.count {
                    numbered.append(contentsOf: repeatElement(nil, count: number + 1 - numbered.count))
                }
                if numbered[number] == nil { numbered[number] = (route, RouteCounts()) }
                // A number comes with the same pattern each time (the same string, so this
                // comparison is short); one that does not is counted by its pattern.
                if numbered[number]?.route == route {
                    numbered[number]?.counts.add(method: method, status: status, seconds: seconds)
                    return
                }
            }
            named[record.route ?? "unmatched", default: RouteCounts()]
                .add(method: method, status: status, seconds: seconds)
        }

        /// Every route's counts by pattern.
        var routes: [String: RouteCounts] {
            var routes = named
            for case (let route, let counts)? in numbered { routes[route, default: RouteCounts()].add(counts) }
            return routes
        }
    }

    private let state = Mutex(State())

    package init() {}

    /// Records a finished request.
    package func record(_ record: ResponseRecord) {
        let method = record.method?.rawValue ?? "-"
        let status = record.status?.code
        let parts = record.duration.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        state.withLock { $0.add(record, method: method, status: status, seconds: seconds) }
    }

    /// Counts one domain event, e.g. `count("rathaus_bookings_total", ["office": "rathaus", "channel": "online"])`.
    package func count(_ name: String, _ labels: [(String, String)] = [], by amount: Int = 1) {
        count(key: Self.key(name, labels), by: amount)
    }

    /// Counts under a key made once with `key(_:_:)`, for a series counted often.
    package func count(key: String, by amount: Int = 1) {
        state.withLock { $0.events[key, default: 0] += amount }
    }

    /// The key of the series `name` with `labels`, as `/metrics` writes it.
    package static func key(_ name: String, _ labels: [(String, String)] = []) -> String {
        var key = name
        key.reserveCapacity(name.utf8.count + 2 + labels.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        key += "{"
        for (index, (label, value)) in labels.enumerated() {
            if index > 0 { key += "," }
            key += label
            key += "=\""
            key += Self.escape(value)
            key += "\""
        }
        key += "}"
        return key
    }

    /// What the counters of `count` mean, for their `# HELP` lines; a name not listed gets a
    /// general line (every family has one, as `promtool check metrics` wants).
    static let help: [String: String] = [
        "rathaus_bookings_total": "Bookings made, by office and channel.",
        "rathaus_holds_total": "Holds placed or extended, by office and command.",
        "rathaus_changes_total": "Other changes stored (cancellations, moves, queue steps), by office and command.",
        "rathaus_rejections_total":
            "Commands refused (a time taken, a hold expired, a limit), by command and problem kind.",
        "rathaus_rate_limited_total": "Public requests answered 429 by the per-client rate limit.",
        "rathaus_overloaded_total": "Public requests answered 503 because too many were in flight.",
        "rathaus_form_refusals_total": "Citizen page forms refused by the cross-site request forgery guard, by reason.",
        "rathaus_messages_queued_total": "Mails written to the outbox, by kind.",
        "rathaus_messages_sent_total": "Mails delivered to the relay, by kind.",
        "rathaus_messages_deferred_total": "Mail deliveries that failed for now and will be retried, by kind.",
        "rathaus_messages_failed_total": "Mails given up on, by kind.",
    ]

    /// A gauge with one sample per set of labels.
    package struct LabeledGauge: Sendable {
        package var name: String
        package var help: String
        package var samples: [(labels: [(String, String)], value: Int)]

        package init(name: String, help: String, samples: [(labels: [(String, String)], value: Int)]) {
            self.name = name
            self.help = help
            self.samples = samples
        }
    }

    /// The text exposition; `counters` and `gauges` are added as they are (name → value), then
    /// `labeled`.
    package func exposition(
        counters: [(name: String, help: String, value: Int)] = [],
        gauges: [(name: String, help: String, value: Int)] = [],
        labeled: [LabeledGauge] = []
    ) -> String {
        let (routes, events) = state.withLock { ($0.routes, $0.events) }
        var lines: [String] = []
        lines.append("# HELP rathaus_http_requests_total HTTP requests answered, by route pattern, method and status.")
        lines.append("# TYPE rathaus_http_requests_total counter")
        var requests: [(labels: String, count: Int)] = []
        for (route, counts) in routes {
            for answer in counts.answers {
                let status = answer.status.map { String($0) } ?? "none"
                requests.append(
                    (
                        "route=\"\(Self.escape(route))\",method=\"\(Self.escape(answer.method))\",status=\"\(status)\"",
                        answer.count
                    ))
            }
        }
        for (labels, value) in requests.sorted(by: { $0.labels < $1.labels }) {
            lines.append("rathaus_http_requests_total{\(labels)} \(value)")
        }
        lines.append("# HELP rathaus_http_request_duration_seconds Time from the request's arrival to its answer.")
        lines.append("# TYPE rathaus_http_request_duration_seconds histogram")
        for (route, counts) in routes.sorted(by: { $0.key < $1.key }) {
            let histogram = counts.latency
            let label = "route=\"\(Self.escape(route))\""
            var cumulative = 0
            for (index, bound) in Metrics.buckets.enumerated() {
                cumulative += histogram.counts[index]
                lines.append("rathaus_http_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(cumulative)")
            }
            lines.append("rathaus_http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(histogram.count)")
            lines.append("rathaus_http_request_duration_seconds_sum{\(label)} \(histogram.sum)")
            lines.append("rathaus_http_request_duration_seconds_count{\(label)} \(histogram.count)")
        }
        var described: Set<String> = []
        for (key, value) in events.sorted(by: { $0.key < $1.key }) {
            let name = String(key.prefix { $0 != "{" })
            if described.insert(name).inserted {
                lines.append("# HELP \(name) \(Self.help[name] ?? "Events counted by Rathaus (the name says which).")")
                lines.append("# TYPE \(name) counter")
            }
            lines.append(key.hasSuffix("{}") ? "\(name) \(value)" : "\(key) \(value)")
        }
        for (type, list) in [("counter", counters), ("gauge", gauges)] {
            for family in list {
                lines.append("# HELP \(family.name) \(family.help)")
                lines.append("# TYPE \(family.name) \(type)")
                lines.append("\(family.name) \(family.value)")
            }
        }
        for gauge in labeled {
            lines.append("# HELP \(gauge.name) \(gauge.help)")
            lines.append("# TYPE \(gauge.name) gauge")
            for sample in gauge.samples {
                let labels = sample.labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
                lines.append("\(gauge.name){\(labels)} \(sample.value)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A label value with `\\`, `"` and line feeds escaped (the text format's rules).
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == 10 }) else {
            return value
        }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
