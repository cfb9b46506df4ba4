import HTTPServer
import Scheduling
import Storage

extension RathausAPI {
    /// `GET /healthz`: 200 when the database answers, 503 otherwise.
    func health(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        database.reader.async { connection in
            let ok = (try? connection.scalar("SELECT 1", as: Int.self)) == 1
            var json = JSONWriter()
            json.object { json in
                json.string("status", ok ? "ok" : "unavailable")
                json.int("offices", self.municipality.offices.count)
                json.string("time", RFC3339.format(self.clock(), offsetSeconds: 0))
            }
            reply(.json(json.bytes, status: ok ? 200 : 503, headers: [("Cache-Control", "no-store")]))
        }
    }

    /// `GET /metrics`: Prometheus text format.
    func metricsText(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let counts = database.committer.counts
        let holds = municipality.offices.reduce(0) { total, office in
            total + (database.writers[office.id]?.inspectHoldCount ?? 0)
        }
        let text = metrics.exposition(gauges: [
            ("rathaus_commits_total", "Transactions committed by the group committer.", counts.transactions),
            ("rathaus_committed_changes_total", "Changes committed (one per answered request).", counts.writeSets),
            (
                "rathaus_failed_changes_total", "Changes that could not be stored.",
                counts.failedWriteSets + counts.failedTransactions
            ),
            ("rathaus_holds_active", "Holds currently keeping capacity.", holds),
        ])
        reply(
            .response(
                HTTPResponse(
                    status: .ok,
                    headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
                    body: Array(text.utf8))))
    }

    /// `GET /openapi.json`.
    func openAPI(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        reply(cached(OpenAPIDocument.json, request: request, cacheControl: "public, max-age=300"))
    }

    /// `GET /problems/{kind}`: a short page on what a problem type means.
    func problemPage(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        guard let entry = ProblemCatalog.entry(request.parameters["kind"] ?? "") else {
            reply(.problem(.notFound("There is no such problem type.")))
            return
        }
        let text = """
            \(entry.title) (HTTP \(entry.status))

            \(entry.explanation)

            Type: /problems/\(entry.kind)
            """
        reply(.response(.text(text)))
    }
}

extension OfficeWriter {
    /// The number of holds in the published capacity (for metrics).
    var inspectHoldCount: Int { capacity.holdBlockCount }
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
