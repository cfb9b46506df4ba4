/// An error answer of the API, rendered as RFC 9457 `application/problem+json`: a stable `type`
/// per kind (`/problems/slot-unavailable`, documented at that path), a title, the status, a
/// detail for humans (never personal data) and, for validation problems, each bad field.
package struct APIProblem: Error, Sendable, Equatable {
    /// One bad field of a request.
    package struct FieldError: Sendable, Equatable {
        package var field: String
        package var message: String

        package init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// What kind of problem it is: its type, status and title.
    package var kind: ProblemKind
    /// What happened in this request, for humans; never personal data.
    package var detail: String?
    package var errors: [FieldError]
    /// Extension members with string values (`opensAt`, `retryAfter` …).
    package var extensions: [(String, String)]
    /// Extra header fields (`Retry-After`, `WWW-Authenticate`, `Allow`).
    package var headers: [(String, String)]

    package init(
        _ kind: ProblemKind, detail: String? = nil, errors: [FieldError] = [], extensions: [(String, String)] = [],
        headers: [(String, String)] = []
    ) {
        self.kind = kind
        self.detail = detail
        self.errors = errors
        self.extensions = extensions
        self.headers = headers
    }

    package static func == (lhs: APIProblem, rhs: APIProblem) -> Bool {
        lhs.kind == rhs.kind && lhs.detail == rhs.detail && lhs.errors == rhs.errors
            && lhs.extensions.map(\.0) == rhs.extensions.map(\.0) && lhs.extensions.map(\.1) == rhs.extensions.map(\.1)
    }

    package var status: Int { kind.status }
    package var title: String { kind.title }
    /// The type URI (relative to the server, RFC 9457 §3.1.1).
    package var type: String { kind.type }

    /// The problem document; `instance` names this occurrence (the request id).
    package func json(instance: String? = nil) -> [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.object { json in
            json.string("type", type)
            json.string("title", title)
            json.int("status", status)
            json.string("detail", ifPresent: detail)
            json.string("instance", ifPresent: instance)
            for (name, value) in extensions { json.string(name, value) }
            if !errors.isEmpty {
                json.array("errors") { json in
                    for error in errors {
                        json.object { json in
                            json.string("field", error.field)
                            json.string("message", error.message)
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    // MARK: Common problems

    package static func validation(_ errors: [FieldError], detail: String? = nil) -> APIProblem {
        APIProblem(
            .validation,
            detail: detail
                ?? errors.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }.joined(separator: "; "),
            errors: errors)
    }

    package static func notFound(_ what: String) -> APIProblem {
        APIProblem(.notFound, detail: what)
    }

    package static func unauthorized(_ detail: String) -> APIProblem {
        APIProblem(.unauthorized, detail: detail, headers: [("WWW-Authenticate", "Bearer realm=\"rathaus\"")])
    }

    package static func forbidden(_ detail: String) -> APIProblem {
        APIProblem(.forbidden, detail: detail)
    }

    package static func internalError() -> APIProblem {
        APIProblem(
            .internalError,
            detail: "Something went wrong on our side; nothing was changed. Quote the instance when you report it.")
    }
}
