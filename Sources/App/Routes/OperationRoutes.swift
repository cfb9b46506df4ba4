import HTTPServer
import Scheduling
import Storage

/// What operators and clients read about the running server: health, metrics, the OpenAPI
/// document and what each problem type means.
struct OperationRoutes: Sendable {
    let directory: OfficeDirectory
    let database: Database
    let metrics: Metrics
    let availabilityCache: AvailabilityCache
    let mail: MailDesk

    /// The routes, serving `document` at `/openapi.json`.
    func endpoints(openAPI document: [UInt8]) -> [Endpoint] {
        [
            Endpoint(
                .get, "/healthz",
                operation: Operation(
                    "health", tag: "Operations", "Health",
                    responses: [
                        (
                            "200",
                            OpenAPIText.json(
                                OpenAPIText.anyObject,
                                "Serving (`status` is `degraded` when the mail relay has been unreachable for long)")
                        ),
                        ("503", OpenAPIText.json(OpenAPIText.anyObject, "The database does not answer")),
                    ])
            ) { _ in
                let offices = directory.all.count
                let clock = directory.clock
                let unreachable = mail.relayUnreachableSince(now: clock())
                let transport = mail.settings.transportDescription
                return .read { connection in
                    let ok = connection.isAnswering
                    var json = JSONWriter()
                    json.object { json in
                        json.string("status", !ok ? "unavailable" : unreachable == nil ? "ok" : "degraded")
                        json.int("offices", offices)
                        json.string("time", RFC3339.format(clock(), offsetSeconds: 0))
                        json.object("mail") { json in
                            json.string("transport", transport)
                            json.string("relay", unreachable == nil ? "ok" : "unreachable")
                            json.string(
                                "unreachableSince", ifPresent: unreachable.map { RFC3339.format($0, offsetSeconds: 0) })
                        }
                    }
                    // A relay that is down does not stop bookings: still 200, for load balancers.
                    return .noStore(json.bytes, status: ok ? 200 : 503)
                }
            },
            Endpoint(
                .get, "/metrics",
                operation: Operation(
                    "metrics", tag: "Operations", "Metrics in the Prometheus text format",
                    responses: [("200", OpenAPIText.text("text/plain", "Metrics"))])
            ) { _ in .response(metricsText()) },
            Endpoint(
                .get, "/openapi.json", Contract(conditional: true),
                operation: Operation(
                    "openAPI", tag: "Operations", "This document",
                    responses: [("200", OpenAPIText.json(OpenAPIText.anyObject, "The OpenAPI document"))])
            ) { _ in .json(document, headers: [("Cache-Control", "public, max-age=300")]) },
            Endpoint(
                .get, "/problems/{kind}",
                operation: Operation(
                    "problemType", tag: "Operations", "What a problem type means",
                    responses: [("200", OpenAPIText.text("text/plain", "An explanation"))],
                    parameters: [#"{"name":"kind","in":"path","required":true,"schema":{"type":"string"}}"#])
            ) { context in
                guard let kind = ProblemKind.named(context.parameter("kind")) else {
                    throw APIProblem.notFound("There is no such problem type.")
                }
                return .response(
                    .text(
                        """
                        \(kind.title) (HTTP \(kind.status))

                        \(kind.explanation)

                        Type: \(kind.type)
                        """))
            },
        ]
    }

    /// `GET /metrics`: the counters and histograms, with the committer's counts and, per office
    /// this instance serves, its holds and its queue.
    private func metricsText() -> HTTPResponse {
        let counts = database.committer.counts
        var holds: [(labels: [(String, String)], value: Int)] = []
        for office in directory.all {
            guard let capacity = directory.capacity(office) else { continue }
            holds.append(([("office", office.id.rawValue)], capacity.holdBlockCount))
        }
        let cache = availabilityCache.size
        let looked = availabilityCache.statistics
        let text = metrics.exposition(
            counters: [
                ("rathaus_commits_total", "Transactions committed by the group committer.", counts.transactions),
                ("rathaus_committed_changes_total", "Changes committed (one per answered request).", counts.writeSets),
                (
                    "rathaus_failed_changes_total", "Changes that could not be stored.",
                    counts.failedWriteSets + counts.failedTransactions
                ),
                (
                    "rathaus_availability_cache_hits_total", "Availability questions answered from the cache.",
                    looked.hits
                ),
                ("rathaus_availability_cache_misses_total", "Availability questions computed.", looked.misses),
            ],
            gauges: [
                (
                    "rathaus_availability_cache_entries",
                    "Availability answers kept (at most AvailabilityCache.Limits.maxEntries).", cache.entries
                ),
                (
                    "rathaus_availability_cache_bytes", "Bytes of availability answers kept (at most maxBytes).",
                    cache.bytes
                ),
                (
                    "rathaus_mail_relay_unreachable_seconds",
                    "How long every delivery attempt has failed temporarily (0: the last got through).",
                    mail.sender?.relayState.unreachableSince.map { Int(max(0, $0.seconds(until: directory.clock()))) }
                        ?? 0
                ),
            ],
            labeled: [
                Metrics.LabeledGauge(
                    name: "rathaus_holds_active", help: "Holds currently keeping capacity, by office.", samples: holds)
            ] + queueGauges())
        return HTTPResponse(
            status: .ok,
            headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
            body: Array(text.utf8))
    }
}

extension OperationRoutes {
    /// The live queue per office and service group: tickets waiting, and the longest wait so far
    /// (from the issue, or an appointment's start when later, as the statistics count it).
    func queueGauges() -> [Metrics.LabeledGauge] {
        let now = directory.clock()
        var waiting: [(labels: [(String, String)], value: Int)] = []
        var longest: [(labels: [(String, String)], value: Int)] = []
        // Only the offices this instance serves (with several instances, each reports its own).
        for office in directory.all where directory.capacity(office) != nil {
            let queue = directory.queue(office)
            let letters = Set(
                office.offeredServices.compactMap { id in directory.municipality.services.first { $0.id == id }?.group }
            )
            var count: [String: Int] = [:]
            var oldest: [String: Int] = [:]
            for ticket in queue.tickets where ticket.state == .waiting {
                count[ticket.group, default: 0] += 1
                let since = max(ticket.issuedAt, ticket.appointmentStart ?? ticket.issuedAt)
                oldest[ticket.group] = max(oldest[ticket.group] ?? 0, max(0, Int(since.seconds(until: now))))
            }
            for letter in letters.union(count.keys).sorted() {
                let labels = [("office", office.id.rawValue), ("group", letter)]
                waiting.append((labels, count[letter] ?? 0))
                longest.append((labels, oldest[letter] ?? 0))
            }
        }
        return [
            Metrics.LabeledGauge(
                name: "rathaus_queue_waiting", help: "Tickets waiting now, per office and service group.",
                samples: waiting),
            Metrics.LabeledGauge(
                name: "rathaus_queue_longest_wait_seconds",
                help: "The longest current wait of a waiting ticket, per office and service group (0: nobody waits).",
                samples: longest),
        ]
    }
}

extension OfficeSchedule {
    /// Hold blocks in force in the prepared days.
    var holdBlockCount: Int {
        days.dates.reduce(0) { total, date in
            total
                + (days[date]?.counters.reduce(0) {
                    $0 + $1.blocks.filter { if case .hold = $0.kind { true } else { false } }.count
                } ?? 0)
        }
    }
}
