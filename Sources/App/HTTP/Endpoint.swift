package import HTTPServer
import Scheduling
package import Storage

/// One route: its method and path, its contract (what it reads of a request and who may call it),
/// its OpenAPI operation (none for pages), and its handler. The request pipeline reads the
/// contract and does the cross-cutting steps, always in the same order, before and after the
/// handler (Documentation/Architecture.md, "The request pipeline"); the OpenAPI document is
/// derived from the same values, so the two cannot drift apart.
///
/// A class of constants: the pipeline hands it along with every request, and a reference costs
/// one count where a copy of all its fields cost fourteen.
package final class Endpoint: Sendable {
    package let method: HTTPMethod
    package let path: String
    package let contract: Contract
    /// How `/openapi.json` describes it; nil for routes outside the API (pages, assets).
    package let operation: Operation?
    let handler: @Sendable (RequestContext) throws -> Outcome
    /// The names of the contract's query parameters, and of those that may repeat, for the
    /// strict rules (worked out once, not per request).
    let queryNames: [String]
    let repeatableNames: [String]
    /// Whether the route refuses what it does not read: the routes of `/v1` (with their `.ics` and
    /// `.txt` feeds) do; pages and the operational routes do not check.
    package let isStrict: Bool

    init(
        _ method: HTTPMethod, _ path: String, _ contract: Contract = Contract(), operation: Operation? = nil,
        _ handler: @escaping @Sendable (RequestContext) throws -> Outcome
    ) {
        self.method = method
        self.path = path
        self.contract = contract
        self.operation = operation
        self.handler = handler
        queryNames = contract.queryNames
        repeatableNames = contract.repeatableNames
        isStrict = path.hasPrefix("/v1/")
        isPage = operation == nil && !isStrict && !path.hasPrefix("/assets/")
    }

    /// Whether the route is part of the API, and so of the OpenAPI document.
    package var isDocumented: Bool { operation != nil }

    /// Whether the route is a page for people (not the API, an asset or an operational route):
    /// its problems are answered as a page in its language, not as problem JSON.
    package let isPage: Bool

    /// The names of the route's path parameters (`{office}` → `office`).
    package var pathParameters: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}

/// What a route reads of a request and who may call it.
package struct Contract: Sendable {
    /// The query parameters the route reads (a strict route refuses any other).
    package var query: [QueryParameter] = []
    /// The body the route reads.
    package var body: Body = .none
    /// Who may call it; checked before the handler looks anything up.
    package var access: Access = .open
    /// Whether a 200 answer carries an ETag and a matching `If-None-Match` gets 304.
    package var conditional = false
    /// Whether an `Idempotency-Key` makes its writer command answer a retry with the first answer.
    package var idempotent = false
    /// Whether it takes `If-Match` (documented; the handler compares).
    package var ifMatch = false
    /// Whether it takes `Admission-Token` (documented; the handler checks).
    package var admission = false

    /// What a route reads as its body.
    package enum Body: Sendable, Equatable {
        /// Nothing: a strict route refuses a body (but whitespace or `{}`).
        case none
        /// A JSON object, described by the schema for the OpenAPI document.
        case json(schema: String)
        /// An HTML form (pages).
        case form
    }

    /// Who may call a route.
    package enum Access: Sendable, Equatable {
        /// Anyone; the caller is not read.
        case open
        /// Anyone; the caller is read (the channel and what is shown depend on it).
        case caller
        /// Staff with one of these roles (an administrator always passes), covering the office
        /// the route names: a staff token, or a signed-in staff member holding the role for that
        /// office. `.staff([.officeManager], office: .path)` is "office manager of this office".
        case staff([StaffRole], office: OfficeScope)
        /// The holder of the booking's token, or hotline and counter staff of its office.
        case bookingHolder
    }

    /// Which office a staff route acts on, found without a lookup.
    package enum OfficeScope: Sendable, Equatable {
        /// Any: the handler checks the office once it has found the record.
        case any
        /// The route's `{office}`.
        case path
        /// The office a ticket id of the route's `{ticket}` carries.
        case ticket
        /// The route's `?office=` (when it is missing, the role for some office passes, and the
        /// handler decides what the caller may see).
        case query
    }

    /// Whether the route reads a JSON body.
    package var readsJSONBody: Bool {
        if case .json = body { return true }
        return false
    }

    /// The names of the query parameters, for the strict check.
    var queryNames: [String] { query.map(\.name) }
    var repeatableNames: [String] { query.filter(\.repeatable).map(\.name) }
}

/// One query parameter a route reads.
package struct QueryParameter: Sendable {
    package var name: String
    /// Its JSON schema, for the OpenAPI document.
    package var schema: String
    package var required = false
    /// Whether it may be given more than once (`service`).
    package var repeatable = false
    package var description: String?

    init(
        _ name: String, schema: String = #"{"type":"string"}"#, required: Bool = false, repeatable: Bool = false,
        description: String? = nil
    ) {
        self.name = name
        self.schema = schema
        self.required = required
        self.repeatable = repeatable
        self.description = description
    }

    /// A booking's token in a link (`?token=`): documented as a security scheme, not a parameter.
    static let bookingToken = QueryParameter("token")
}

/// How the OpenAPI document describes a route: what the pipeline adds (parameters from the
/// contract, the problems every route of its kind can answer) is derived; this holds the rest.
package struct Operation: Sendable {
    package var id: String
    package var tag: String
    package var summary: String
    package var description: String?
    /// The answers other than problems: status and response object (JSON text).
    package var responses: [(status: String, response: String)]
    /// The problems the route's own rules can answer, beyond those derived from its contract.
    package var problems: [ProblemKind]
    /// Its security requirement (JSON), where the access of its contract does not say it: routes
    /// that read a token of their own (a draw entry's).
    package var security: String?
    /// Parameters beyond those its path and contract give (JSON), such as `Last-Event-ID`.
    package var parameters: [String]

    init(
        _ id: String, tag: String, _ summary: String, description: String? = nil,
        responses: [(status: String, response: String)], problems: [ProblemKind] = [], security: String? = nil,
        parameters: [String] = []
    ) {
        self.parameters = parameters
        self.id = id
        self.tag = tag
        self.summary = summary
        self.description = description
        self.responses = responses
        self.problems = problems
        self.security = security
    }
}
