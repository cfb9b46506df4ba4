import HTTPServer
import Scheduling
import Storage

/// Mail in the API (Documentation/Mail.md, "Staff"): a booking's messages and their state, sending
/// its confirmation again, the outbox's recent messages, previews of each kind with a sample
/// booking, the demo's Maildir folder, and the citizen's confirmation of a booking that waits for
/// it (double opt-in).
struct MailRoutes: Sendable {
    let directory: OfficeDirectory
    let mail: MailDesk
    let reader: SerialConnection

    /// The most messages `GET /v1/messages` lists.
    static let maxListed = 200

    var endpoints: [Endpoint] {
        let staff = Contract.Access.staff([.hotline, .counter], office: .any)
        let messageList = OpenAPIText.json(OpenAPIText.anyObject, "The messages")
        return [
            Endpoint(
                .get, "/v1/bookings/{booking}/messages", Contract(access: staff),
                operation: Operation(
                    "listBookingMessages", tag: "Mail", "A booking's messages and what became of each",
                    responses: [("200", messageList)], problems: [.notFound])
            ) { context in try bookingMessages(context) },
            Endpoint(
                .post, "/v1/bookings/{booking}/messages", Contract(access: staff),
                operation: Operation(
                    "sendConfirmationAgain", tag: "Mail",
                    "Send the booking's confirmation again (or its request to confirm, while it waits for that)",
                    responses: [("202", OpenAPIText.json(OpenAPIText.anyObject, "The message is in the outbox"))],
                    problems: [.notFound, .nothingToSend])
            ) { context in try sendAgain(context) },
            Endpoint(
                .post, "/v1/bookings/{booking}/confirm",
                Contract(
                    body: .json(
                        schema: OpenAPIText.object(
                            #""code":{"type":"string","description":"The code of the link in the e-mail"}"#,
                            required: ["code"], closed: true)),
                    access: .open),
                operation: Operation(
                    "confirmBooking", tag: "Bookings",
                    "Confirm a booking that waits for its confirmation by e-mail (double opt-in), with the code only the e-mail carries",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Booking"), "The confirmed booking"))],
                    problems: [.forbidden, .notFound, .confirmationExpired, .bookingCancelled])
            ) { context in try confirm(context) },
            Endpoint(
                .get, "/v1/messages",
                Contract(
                    query: [
                        QueryParameter(
                            "status", schema: #"{"type":"string","enum":["waiting","sent","failed","dropped"]}"#),
                        QueryParameter("limit", schema: #"{"type":"integer","minimum":1,"maximum":200,"default":50}"#),
                    ], access: .staff([.hotline], office: .any)),
                operation: Operation(
                    "listMessages", tag: "Mail", "The outbox's newest messages (and the demo folder's file of each)",
                    responses: [("200", messageList)])
            ) { context in try recentMessages(context) },
            Endpoint(
                .get, "/v1/messages/preview/{kind}",
                Contract(
                    query: [
                        QueryParameter("language", schema: #"{"type":"string","enum":["de","en"],"default":"de"}"#)
                    ],
                    access: .staff([.hotline, .counter], office: .any)),
                operation: Operation(
                    "previewMessage", tag: "Mail", "A message of each kind for a sample booking, as it would be sent",
                    responses: [("200", OpenAPIText.text("text/plain", "The whole message (RFC 5322)"))],
                    parameters: [#"{"name":"kind","in":"path","required":true,"schema":{"type":"string"}}"#])
            ) { context in try preview(context) },
            Endpoint(
                .get, "/v1/mail/folder/{file}",
                Contract(
                    query: [
                        QueryParameter(
                            "format", schema: #"{"type":"string","enum":["readable","raw"],"default":"readable"}"#)
                    ], access: .staff([.hotline], office: .any)),
                operation: Operation(
                    "readFolderMessage", tag: "Mail",
                    "One message of the demo's Maildir folder: decoded for reading, or as written (format=raw)",
                    responses: [("200", OpenAPIText.text("text/plain", "The message"))], problems: [.notFound],
                    parameters: [#"{"name":"file","in":"path","required":true,"schema":{"type":"string"}}"#])
            ) { context in
                guard let bytes = mail.messageFile(named: context.parameter("file")) else {
                    throw APIProblem.notFound("There is no such message in the folder.")
                }
                switch context.query["format"] ?? "readable" {
                case "raw": return .response(Self.text(bytes))
                case "readable": return .response(Self.text(Array(ReadableMessage.text(bytes).utf8)))
                default: throw APIProblem.validation([.init(field: "format", message: "readable or raw")])
                }
            },
        ]
    }

    /// A message as plain text, not to be kept by caches.
    static func text(_ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(
            status: .ok,
            headers: [
                "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store",
                "X-Content-Type-Options": "nosniff",
            ], body: bytes)
    }

    /// The office of `{booking}`, which the caller's staff token must cover.
    private func office(_ context: RequestContext) throws -> (BookingID, Office) {
        let id = BookingID(context.parameter("booking"))
        let office = try directory.office(ofRecord: id.rawValue)
        if let staff = context.staff, !staff.covers(office.id) {
            throw APIProblem.forbidden("This token is for office \(staff.office?.rawValue ?? "")")
        }
        return (id, office)
    }

    /// `POST /v1/bookings/{booking}/confirm` `{code}`.
    private func confirm(_ context: RequestContext) throws -> Outcome {
        var body = context.body()
        let code = body.field("code") { try $0.string() }
        try body.finish()
        let id = BookingID(context.parameter("booking"))
        let office = try directory.office(ofRecord: id.rawValue)
        guard mail.acceptsConfirmation(code, for: id) else {
            throw APIProblem.forbidden("This code does not confirm booking \(id).")
        }
        let services = directory.municipality.services
        let writer = try directory.writer(office)
        return .read { connection in
            // A booking released before a restart is no longer in its writer's memory.
            guard let found = try connection.booking(id: id), found.booking.office == office.id else {
                throw APIProblem.notFound("There is no booking \(id).")
            }
            if found.booking.wasReleased { throw APIProblem(SchedulingError.confirmationExpired(id), office: office) }
            return .command(.confirm(id), to: writer) { result in
                try BookingRoutes.booking(result, office: office, services: services, status: 200)
            }
        }
    }

    /// `GET /v1/bookings/{booking}/messages`.
    private func bookingMessages(_ context: RequestContext) throws -> Outcome {
        let (id, office) = try office(context)
        return .read { [mail] connection in
            guard let found = try connection.booking(id: id), found.booking.office == office.id else {
                throw APIProblem.notFound("There is no booking \(id).")
            }
            let messages = try connection.messages(booking: id)
            var json = JSONWriter(capacity: 256 + messages.count * 300)
            json.object { json in
                json.string("booking", id.rawValue)
                json.string("reference", found.booking.reference)
                json.bool("mailed", found.booking.contact.mailAddress != nil)
                json.array("messages") { json in
                    for message in messages {
                        MailRepresentations.message(message, office: office, mail: mail, into: &json)
                    }
                }
            }
            return .noStore(json.bytes)
        }
    }

    /// `POST /v1/bookings/{booking}/messages`.
    private func sendAgain(_ context: RequestContext) throws -> Outcome {
        let (id, office) = try office(context)
        return .command(.sendAgain(id), to: try directory.writer(office)) { result in
            switch result {
            case .success(.booking(let booking, _)):
                var json = JSONWriter()
                json.object { json in
                    json.string("booking", booking.id.rawValue)
                    json.string(
                        "queued", (booking.isUnconfirmed ? MessageKind.confirmationRequest : .confirmation).rawValue)
                }
                return .noStore(json.bytes, status: 202)
            case .success: throw APIProblem.internalError()
            case .failure(let error): throw APIProblem(error, office: office)
            }
        }
    }

    /// `GET /v1/messages?status=…&limit=…`.
    private func recentMessages(_ context: RequestContext) throws -> Outcome {
        var status: OutboxMessage.Status?
        if let text = context.query["status"] {
            guard let parsed = OutboxMessage.Status(rawValue: text) else {
                throw APIProblem.validation([.init(field: "status", message: "waiting, sent, failed or dropped")])
            }
            status = parsed
        }
        var limit = 50
        if let text = context.query["limit"] {
            guard let parsed = Int(text), (1...Self.maxListed).contains(parsed) else {
                throw APIProblem.validation([.init(field: "limit", message: "a number from 1 to \(Self.maxListed)")])
            }
            limit = parsed
        }
        let (wanted, count) = (status, limit)
        let files = Dictionary(
            mail.folderEntries().compactMap { entry in entry.messageID.map { ($0, entry.name) } },
            uniquingKeysWith: { first, _ in first })
        return .read { [directory, mail] connection in
            let messages = try connection.recentMessages(status: wanted, limit: count)
            var json = JSONWriter(capacity: 256 + messages.count * 400)
            json.object { json in
                json.string("transport", mail.settings.transportDescription)
                json.array("messages") { json in
                    for message in messages {
                        let reference = try? connection.booking(id: message.intent.booking)?.booking.reference
                        MailRepresentations.message(
                            message, office: directory.office(message.intent.office), mail: mail, reference: reference,
                            file: files[mail.messageID(id: message.id, createdAt: message.createdAt)], into: &json)
                    }
                }
            }
            return .noStore(json.bytes)
        }
    }

    /// `GET /v1/messages/preview/{kind}?language=de|en`.
    private func preview(_ context: RequestContext) throws -> Outcome {
        guard let kind = MessageKind(rawValue: context.parameter("kind")) else {
            throw APIProblem.notFound(
                "There is no message kind \"\(context.parameter("kind"))\"; the kinds are "
                    + MessageKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        guard let language = Language(rawValue: context.query["language"] ?? "de") else {
            throw APIProblem.validation([.init(field: "language", message: "de or en")])
        }
        do {
            return .response(Self.text(try mail.preview(kind, language: language)))
        } catch {
            throw APIProblem.internalError()
        }
    }
}
