import HTTPServer
import Scheduling
import Storage

/// The configuration while the server runs (Documentation/Administration.md): the document now,
/// a preview of a new one (what it changes, whom it affects), saving it with a decision for each
/// affected booking, the history of versions, and an office's week as a configuration opens it.
struct ConfigurationRoutes: Sendable {
    let directory: OfficeDirectory
    let desk: ConfigurationDesk

    /// The most versions the history lists at once.
    static let maxHistory = 200

    private static let administrators = AdministrationAccess.route
    private static let documentBody = OpenAPIText.object(
        #""document":{"type":"object","description":"The configuration in the format of the configuration file"},"calendars":{"type":"object","additionalProperties":{"type":"string"}},"weekFrom":{"type":"string","format":"date","description":"The first day of the week whose plan the preview shows for each changed office (default: this week's Monday)"},"decisions":{"type":"object","description":"Read by saving only; accepted here so that one body serves both"}"#,
        required: ["document"], closed: true)

    var endpoints: [Endpoint] { documentEndpoints + historyEndpoints }

    private var documentEndpoints: [Endpoint] {
        [
            Endpoint(
                .get, "/v1/configuration", Contract(access: Self.administrators, conditional: true),
                operation: Operation(
                    "getConfiguration", tag: "Administration", "The configuration now, with its version as ETag",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Configuration"), "The configuration"))],
                    problems: [.configurationUnavailable])
            ) { _ in try current() },
            Endpoint(
                .post, "/v1/configuration/preview",
                Contract(body: .json(schema: Self.documentBody), access: Self.administrators),
                operation: Operation(
                    "previewConfiguration", tag: "Administration",
                    "What saving a configuration would change and which bookings it would no longer fit",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("ConfigurationPreview"), "The preview"))],
                    problems: [.configurationUnavailable])
            ) { context in
                let document = try Self.document(context, also: ["weekFrom", "decisions"])
                let weekFrom = try Self.weekFrom(context)
                let caller = context.caller
                let clock = directory.clock
                return .read { connection in
                    let preview = try desk.preview(document, caller: caller, connection: connection)
                    return .noStore(Self.preview(preview, weekFrom: weekFrom, now: clock()))
                }
            },
            Endpoint(
                .put, "/v1/configuration",
                Contract(
                    body: .json(schema: Self.saveBody), access: Self.administrators, ifMatch: true),
                operation: Operation(
                    "saveConfiguration", tag: "Administration",
                    "Save a configuration: offices rebuild their capacity; each booking it no longer fits is kept (flagged), moved or cancelled",
                    responses: [
                        ("200", OpenAPIText.json(OpenAPIText.ref("ConfigurationSaved"), "What became of the bookings"))
                    ],
                    problems: [.configurationUnavailable, .preconditionFailed])
            ) { context in try save(context) },
            Endpoint(
                .get, "/v1/configuration/history",
                Contract(
                    query: [QueryParameter("limit", schema: #"{"type":"integer","minimum":1,"maximum":200}"#)],
                    access: Self.administrators),
                operation: Operation(
                    "listConfigurationHistory", tag: "Administration",
                    "The versions of the configuration, newest first",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("ConfigurationHistory"), "The versions"))])
            ) { context in try history(context) },
            Endpoint(
                .get, "/v1/configuration/history/{version}", Contract(access: Self.administrators),
                operation: Operation(
                    "getConfigurationVersion", tag: "Administration",
                    "One version of the configuration, with its document",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Configuration"), "The version"))],
                    parameters: [
                        #"{"name":"version","in":"path","required":true,"schema":{"type":"integer","minimum":1}}"#
                    ])
            ) { context in try version(context) },
        ]
    }

    private static let saveBody = OpenAPIText.object(
        #""document":{"type":"object"},"calendars":{"type":"object","additionalProperties":{"type":"string"}},"decisions":{"type":"object","description":"For each affected booking (by id): keep, move or cancel; a booking not named is kept and flagged","additionalProperties":{"type":"string","enum":["keep","move","cancel"]}}"#,
        required: ["document"], closed: true)

    // MARK: Handlers

    private func current() throws -> Outcome {
        let state = directory.configuration.current
        guard let document = state.document else {
            throw APIProblem(
                .configurationUnavailable, detail: "This server was started without a configuration document.")
        }
        return .json(
            Self.configuration(version: state.version, document: document),
            headers: [("ETag", "\"\(state.version)\""), ("Cache-Control", "no-store")])
    }

    /// The document of a request body (`document`, and `calendars` when it names new ones); the
    /// fields `also` are read elsewhere.
    static func document(_ context: RequestContext, also: [String] = ["decisions"]) throws -> ConfigurationDocument {
        var body = context.body()
        let root = body.field("document") { reader -> JSONValue in
            _ = try reader.object()
            return reader.value
        }
        let calendars = body.field("calendars", required: false) { reader -> [String: String] in
            var result: [String: String] = [:]
            var object = try reader.object()
            for key in object.keys {
                guard let value = object.optional(key) else { continue }
                result[key] = try value.text(maxLength: MunicipalityLoader.maxFileBytes)
            }
            return result
        }
        for name in also { _ = body.field(name, required: false) { _ in () } }
        try body.finish()
        guard let root else { throw APIProblem.validation([.init(field: "document", message: "is required")]) }
        return ConfigurationDocument(root: root, calendars: calendars ?? [:])
    }

    private func save(_ context: RequestContext) throws -> Outcome {
        let document = try Self.document(context)
        var decisions: [BookingID: Reconfiguration.Decision] = [:]
        var body = context.body()
        _ = body.field("document") { _ in () }
        _ = body.field("calendars", required: false) { _ in () }
        _ = body.field("decisions", required: false) { reader in
            var object = try reader.object()
            for key in object.keys {
                guard let value = object.optional(key) else { continue }
                let text = try value.string()
                guard let decision = Reconfiguration.Decision(rawValue: text) else {
                    throw value.fail("keep, move or cancel, not \"\(text)\"")
                }
                decisions[BookingID(key)] = decision
            }
        }
        try body.finish()
        let expected = try Self.expectedVersion(context)
        let caller = context.caller
        let chosen = decisions
        return .onQueue(desk.queue) {
            let saved = try desk.save(document, decisions: chosen, expected: expected, caller: caller)
            return .json(Self.saved(saved), headers: [("ETag", "\"\(saved.version)\""), ("Cache-Control", "no-store")])
        }
    }

    /// The version an `If-Match` names; nil without one (`*` too).
    static func expectedVersion(_ context: RequestContext) throws(APIProblem) -> Int? {
        guard let header = context.header("If-Match")?.trimmingWhitespace, header != "*" else { return nil }
        guard header.hasPrefix("\""), header.hasSuffix("\""), header.count >= 3,
            let version = Int(header.dropFirst().dropLast())
        else {
            throw APIProblem(.preconditionFailed, detail: "If-Match must be the configuration's ETag, such as \"3\".")
        }
        return version
    }

    private func history(_ context: RequestContext) throws -> Outcome {
        var limit = 50
        if let text = context.query["limit"] {
            guard let value = Int(text), (1...Self.maxHistory).contains(value) else {
                throw APIProblem.validation([
                    .init(field: "limit", message: "a whole number from 1 to \(Self.maxHistory)")
                ])
            }
            limit = value
        }
        let count = limit
        return .read { connection in
            let versions = try connection.configurationHistory(limit: count)
            var json = JSONWriter()
            json.object { json in
                json.array("versions") { json in
                    for version in versions { Self.versionSummary(version, into: &json) }
                }
            }
            return .noStore(json.bytes)
        }
    }

    private func version(_ context: RequestContext) throws -> Outcome {
        guard let number = Int(context.parameter("version")), number >= 1 else {
            throw APIProblem.notFound("There is no configuration version \(context.parameter("version")).")
        }
        return .read { connection in
            guard let version = try connection.configurationVersion(number) else {
                throw APIProblem.notFound("There is no configuration version \(number).")
            }
            var json = JSONWriter()
            json.object { json in
                Self.versionMembers(version, into: &json)
                json.raw(
                    "document", Array(((try? JSONValue.parse(version.document)) ?? .null).text(pretty: false).utf8))
            }
            return .noStore(json.bytes)
        }
    }
}
