import HTTPServer

/// The OpenAPI 3.1 description of the API at `/openapi.json`, derived from the routes: each
/// documented endpoint is one operation; its parameters come from what its contract reads (path,
/// query, conditional, idempotency, `If-Match`, admission), its problem answers from the rules
/// the pipeline applies to it and the problem kinds it names, its security from its access. The
/// problem kinds themselves are listed from `ProblemKind.all`. `Scripts/check-openapi` validates
/// the document against the OpenAPI 3.1 schema and runs schemathesis against a live server.
package enum OpenAPIDocument {
    /// The document's bytes for `endpoints`.
    package static func json(_ endpoints: [Endpoint]) -> [UInt8] {
        var order: [String] = []
        var operations: [String: [String]] = [:]
        for endpoint in endpoints {
            guard let operation = endpoint.operation else { continue }
            if operations[endpoint.path] == nil { order.append(endpoint.path) }
            operations[endpoint.path, default: []].append(
                "\"\(endpoint.method.rawValue.lowercased())\":" + self.operation(endpoint, operation))
        }
        var text = ##"{"openapi":"3.1.0","info":{"title":"Rathaus","version":"1","description":"##
        text +=
            ##""Appointment booking and the waiting-room queue of a municipal citizen office. Times are RFC 3339 with the office's UTC offset; errors are RFC 9457 problems (components x-problem-kinds lists every kind; /problems/{kind} explains one). Bad input changes nothing: a query parameter an operation does not list, a parameter given twice (but service), a body where an operation takes none (but {}), and a body that is not application/json in UTF-8 are 400 validation problems. Every operation but /healthz and /metrics may answer 429 (rate-limited) and 503 (overloaded) with Retry-After.","##
        text += ##""license":{"name":"Proprietary","identifier":"LicenseRef-Rathaus"}},"servers":[{"url":"/"}],"##
        text +=
            ##""tags":[{"name":"Offices"},{"name":"Availability"},{"name":"Bookings"},{"name":"Staff"},{"name":"Queue"},{"name":"Rush"},{"name":"Administration"},{"name":"Operations"}],"##
        text += ##""paths":{"##
        text += order.map { path in "\"\(path)\":{" + (operations[path] ?? []).joined(separator: ",") + "}" }
            .joined(separator: ",")
        text += "},\"components\":{" + OpenAPIComponents.components + "," + problemKinds + "}}"
        return Array(text.utf8)
    }

    /// Path parameters that have a component of their own.
    private static let sharedParameters: [String: String] = [
        "office": "Office", "hold": "Hold", "booking": "Booking", "ticket": "Ticket", "counter": "Counter",
        "service": "Service",
    ]

    /// Routes exempt from the admission limits (see `AdmissionConfiguration.exemptRoutes`).
    private static let unlimited: Set<String> = ["/healthz", "/metrics"]

    private static func parameterRef(_ name: String) -> String {
        ##"{"$ref":"#/components/parameters/\##(name)"}"##
    }

    private static func operation(_ endpoint: Endpoint, _ operation: Operation) -> String {
        let contract = endpoint.contract
        var members = [
            "\"operationId\":\"\(operation.id)\"", "\"tags\":[\"\(operation.tag)\"]",
            "\"summary\":\(quoted(operation.summary))",
        ]
        if let description = operation.description { members.append("\"description\":\(quoted(description))") }
        let parameters = self.parameters(endpoint, operation)
        if !parameters.isEmpty { members.append("\"parameters\":[" + parameters.joined(separator: ",") + "]") }
        if case .json(let schema) = contract.body {
            members.append(##""requestBody":{"required":true,"content":{"application/json":{"schema":\##(schema)}}}"##)
        }
        var responses = operation.responses.map { "\"\($0.status)\":\($0.response)" }
        if contract.conditional { responses.append(##""304":{"description":"Not modified"}"##) }
        for status in problemStatuses(endpoint, operation) {
            responses.append(##""\##(status)":{"$ref":"#/components/responses/Problem"}"##)
        }
        members.append("\"responses\":{" + responses.joined(separator: ",") + "}")
        members.append("\"security\":" + (operation.security ?? security(contract)))
        return "{" + members.joined(separator: ",") + "}"
    }

    private static func parameters(_ endpoint: Endpoint, _ operation: Operation) -> [String] {
        var extra = operation.parameters
        var parameters: [String] = []
        for name in endpoint.pathParameters {
            if let shared = sharedParameters[name] {
                parameters.append(parameterRef(shared))
            } else if let index = extra.firstIndex(where: { $0.contains("\"name\":\"\(name)\"") }) {
                parameters.append(extra.remove(at: index))
            } else {
                parameters.append(##"{"name":"\##(name)","in":"path","required":true,"schema":{"type":"string"}}"##)
            }
        }
        for query in endpoint.contract.query where query.name != QueryParameter.bookingToken.name {
            var members = ["\"name\":\"\(query.name)\"", "\"in\":\"query\""]
            if query.required { members.append("\"required\":true") }
            if let description = query.description { members.append("\"description\":\(quoted(description))") }
            members.append("\"schema\":" + query.schema)
            if query.repeatable { members += ["\"style\":\"form\"", "\"explode\":true"] }
            parameters.append("{" + members.joined(separator: ",") + "}")
        }
        let contract = endpoint.contract
        if contract.conditional { parameters.append(parameterRef("IfNoneMatch")) }
        if contract.ifMatch { parameters.append(parameterRef("IfMatch")) }
        if contract.idempotent { parameters.append(parameterRef("IdempotencyKey")) }
        if contract.admission { parameters.append(parameterRef("AdmissionToken")) }
        return parameters + extra
    }

    /// The statuses of the problems the route can answer: its rules' and its own.
    private static func problemStatuses(_ endpoint: Endpoint, _ operation: Operation) -> [Int] {
        let contract = endpoint.contract
        var kinds = operation.problems
        if endpoint.isStrict { kinds.append(.validation) }
        switch contract.access {
        case .staff, .bookingHolder: kinds += [.unauthorized, .forbidden]
        case .caller: kinds.append(.unauthorized)  // a token that is unknown, revoked or malformed
        case .open: break
        }
        if !endpoint.pathParameters.isEmpty { kinds.append(.notFound) }
        if contract.readsJSONBody { kinds.append(.validation) }
        if contract.idempotent { kinds += [.idempotencyInFlight, .idempotencyKeyReused] }
        if contract.ifMatch { kinds.append(.preconditionFailed) }
        if !unlimited.contains(endpoint.path) { kinds += [.rateLimited, .overloaded] }
        return Set(kinds.map(\.status)).sorted()
    }

    private static func security(_ contract: Contract) -> String {
        switch contract.access {
        case .open: "[]"
        case .caller: ##"[{},{"staffToken":[]},{"staffSession":[]}]"##
        case .staff: ##"[{"staffToken":[]},{"staffSession":[]}]"##
        case .bookingHolder:
            ##"[{"bookingToken":[]},{"bookingTokenQuery":[]},{"staffToken":[]},{"staffSession":[]}]"##
        }
    }

    /// Every problem kind with its status, title and explanation.
    private static var problemKinds: String {
        "\"x-problem-kinds\":{"
            + ProblemKind.all.map { kind in
                "\"\(kind.name)\":{\"status\":\(kind.status),\"title\":\(quoted(kind.title)),\"explanation\":\(quoted(kind.explanation))}"
            }.joined(separator: ",") + "}"
    }

    /// `text` as a JSON string.
    private static func quoted(_ text: String) -> String {
        var json = JSONWriter()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
