import Scheduling
import Storage

/// The JSON of the outbox's messages for staff: what a message is about and what became of it,
/// never its recipient or its body. `result` may quote a relay's reply (which may name the
/// address): staff see it, logs never do.
enum MailRepresentations {
    static func message(
        _ message: OutboxMessage, office: Office?, mail: MailDesk, reference: String? = nil, file: String? = nil,
        into json: inout JSONWriter
    ) {
        func time(_ instant: Instant) -> String {
            office.map { Representations.time(instant, in: $0) } ?? RFC3339.format(instant, offsetSeconds: 0)
        }
        json.object { json in
            json.int("id", Int(message.id))
            json.string("messageId", mail.messageID(id: message.id, createdAt: message.createdAt))
            json.string("kind", message.intent.kind.rawValue)
            json.string("language", message.intent.language.rawValue)
            json.string("booking", message.intent.booking.rawValue)
            json.string("reference", ifPresent: reference)
            json.string("office", message.intent.office.rawValue)
            json.string("status", message.status.rawValue)
            json.int("attempts", message.attempts)
            json.string("createdAt", time(message.createdAt))
            json.string("notBefore", time(message.intent.notBefore))
            if message.status == .waiting { json.string("nextAttemptAt", time(message.nextAttemptAt)) }
            json.string("lastAttemptAt", ifPresent: message.lastAttemptAt.map(time))
            json.string("finishedAt", ifPresent: message.finishedAt.map(time))
            json.string("result", ifPresent: message.result)
            json.string("cause", ifPresent: message.intent.cause?.rawValue)
            json.string("file", ifPresent: file)
        }
    }
}
