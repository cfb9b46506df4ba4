import HTTPServer
import Scheduling
import Storage

/// What operators and clients read about the running server: health, metrics, the OpenAPI
/// document and what each problem type means.
struct OperationRoutes: Sendable {
    let directory: OfficeDirectory
    let database: Database
    let metrics: Metrics

    /// The routes, serving `document` at `/openapi.json`.
    func endpoints(openAPI document: [UInt8]) -> [Endpoint] {
        [
            Endpoint(
                .get, "/healthz",
                operation: Operation(
                    "health", tag: "Operations", "Health",
                    responses: [
                        ("200", OpenAPIText.json(OpenAPIText.anyObject, "Healthy")),
                        ("503", OpenAPIText.json(OpenAPIText.anyObject, "The database does not answer")),
                    ])
            ) { _ in
                let offices = directory.all.count
                let clock = directory.clock
                return .read { connection in
                    let ok = connection.isAnswering
                    var json = JSONWriter()
                    json.object { json in
                        json.string("status", ok ? "ok" : "unavailable")
                        json.int("offices", offices)
                        json.string("time", RFC3339.format(clock(), offsetSeconds: 0))
                    }
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
        let now = directory.clock()
        var holds: [(labels: String, value: Double)] = []
        var waiting: [(labels: String, value: Double)] = []
        var waits: [(labels: String, value: Double)] = []
        for office in directory.all {
            guard let capacity = directory.capacity(office) else { continue }
            let label = "office=\"\(Metrics.escape(office.id.rawValue))\""
            holds.append((label, Double(capacity.holdBlockCount)))
            for group in directory.queue(office).waits(now: now, attended: directory.attended(office)) {
                let labels = label + ",group=\"\(Metrics.escape(group.group))\""
                waiting.append((labels, Double(group.waiting)))
                waits.append((labels, Double(group.estimatedMinutes * 60)))
            }
        }
        let text = metrics.exposition([
            .init(
                "rathaus_commits_total", "Transactions committed by the group committer.", type: "counter",
                value: Double(counts.transactions)),
            .init(
                "rathaus_committed_changes_total", "Changes committed (one per answered request).", type: "counter",
                value: Double(counts.writeSets)),
            .init(
                "rathaus_failed_changes_total", "Changes that could not be stored.", type: "counter",
                value: Double(counts.failedWriteSets + counts.failedTransactions)),
            .init("rathaus_holds_active", "Holds currently keeping capacity, by office.", samples: holds),
            .init(
                "rathaus_queue_waiting_tickets", "Tickets waiting to be called today, by office and ticket group.",
                samples: waiting),
            .init(
                "rathaus_queue_estimated_wait_seconds",
                "The wait a new ticket is told, by office and ticket group (recent service times, attended counters).",
                samples: waits),
        ])
        return HTTPResponse(
            status: .ok,
            headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
            body: Array(text.utf8))
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
