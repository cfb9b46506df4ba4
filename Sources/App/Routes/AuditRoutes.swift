import HTTPServer
import Scheduling
import Storage

/// The audit trail through the API (Documentation/SignIn.md, "The audit trail"): who did what,
/// for an office's managers and for administrators.
struct AuditRoutes: Sendable {
    let directory: OfficeDirectory

    /// The schema of the answer.
    static let schema = OpenAPIText.object(
        #""office":{"type":"string","description":"absent: the whole town"},"#
            + #""from":{"type":"string","format":"date"},"#
            + #""to":{"type":"string","format":"date"},"truncated":{"type":"boolean"},"#
            + #""entries":{"type":"array","items":{"type":"object","required":["at","actor","role","action"],"#
            + #""properties":{"at":{"type":"string","format":"date-time"},"actor":{"type":"string"},"#
            + #""role":{"type":"string"},"name":{"type":"string"},"action":{"type":"string"},"#
            + #""office":{"type":"string"},"target":{"type":"string"},"detail":{"type":"string"}}}}"#,
        required: ["from", "to", "entries", "truncated"])

    var endpoints: [Endpoint] {
        [
            Endpoint(
                .get, "/v1/audit", Contract(query: AuditQuery.parameters, access: AuditQuery.access),
                operation: Operation(
                    "auditTrail", tag: "Staff", "Who did what: the audit trail of an office",
                    description:
                        "Sign-ins and their failures, bookings made, moved or cancelled by staff, calls and every queue action, configuration changes and account changes, each with the staff member or token and their name at the time. Never a citizen's contact data: bookings are named by their reference, tickets by their id. Office managers read their offices'; administrators may leave out `office` for the whole town's, sign-ins included.",
                    responses: [("200", OpenAPIText.json(Self.schema, "The entries, newest first"))],
                    problems: [.notFound])
            ) { context in
                let query = try AuditQuery(context, directory: directory)
                return .read { connection in .noStore(Self.json(query, try query.entries(connection))) }
            }
        ]
    }

    /// The answer: the range and the entries with their times in the office's zone.
    static func json(_ query: AuditQuery, _ found: (entries: [AuditEntry], truncated: Bool)) -> [UInt8] {
        var json = JSONWriter(capacity: 256 + found.entries.count * 200)
        json.object { json in
            json.string("office", ifPresent: query.office?.id.rawValue)
            json.string("from", query.from.iso)
            json.string("to", query.to.iso)
            json.bool("truncated", found.truncated)
            json.array("entries") { json in
                for entry in found.entries {
                    json.object { json in
                        json.string("at", Representations.time(entry.at, in: query.zone))
                        json.string("actor", entry.actor)
                        json.string("role", entry.role)
                        json.string("name", ifPresent: entry.actorName)
                        json.string("action", entry.action)
                        json.string("office", ifPresent: entry.office?.rawValue)
                        json.string("target", ifPresent: entry.target)
                        json.string("detail", ifPresent: entry.detail)
                    }
                }
            }
        }
        return json.bytes
    }
}
