import App
import Foundation
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus mail`: what the outbox holds (`status`) and what each kind of message looks like
/// (`preview`).
enum MailCommand: Subcommand {
    static let name = "mail"
    static let summary = "list the messages that wait or failed; show or preview a message"
    static let usage = """
        usage: rathaus mail status [--config FILE] [--db FILE] [--limit N]
               rathaus mail show [FILE] [--config FILE] [--db FILE]
               rathaus mail preview KIND [--language de|en] [--config FILE]

        'status' prints the transport the configuration names, how many messages of each kind
        wait, were sent, failed or were dropped, then the messages that wait (with when they are
        tried next and the last temporary failure) and the newest that failed for good (with the
        relay's reply: it may name an address, so keep the output to yourself), at most N of each
        (default 20). It reads the database and changes nothing; the server may be running.

        'show' prints a message decoded for reading (header fields, then each part: the text, the
        calendar, the attachments): FILE, or the newest message of the Maildir folder the
        configuration names for --db (by default ./rathaus-mail beside ./rathaus.sqlite).

        'preview' prints the message of KIND (confirmation, confirmation-request, reminder, moved,
        cancelled, released) for a sample booking at the first office, as it would be sent.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let action = try arguments.positional()
        switch action {
        case "status": return try status(&arguments)
        case "preview": return try preview(&arguments)
        case "show": return try show(&arguments)
        default: throw UsageError("say what: status, show or preview")
        }
    }

    /// The mail settings of the configuration file at `path`.
    static func settings(config path: String) throws -> (MailSettings, Municipality) {
        let document = try ConfigurationDocument.read(file: path)
        let town: Municipality
        do {
            town = try document.municipality()
        } catch {
            throw ConfigurationError(file: (path as NSString).lastPathComponent, message: error.description)
        }
        guard let mail = document.root["mail"] else { return (MailSettings(), town) }
        do {
            return (try MailSettings.decode(JSONReader(mail, path: "mail")), town)
        } catch {
            throw ConfigurationError(file: (path as NSString).lastPathComponent, message: error.description)
        }
    }

    static func status(_ arguments: inout CommandArguments) throws -> Int32 {
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        let db = DatabaseLocation.path(explicit: try arguments.option("db"))
        let limit = try arguments.intOption("limit", in: 1...10_000) ?? 20
        try arguments.finish()
        let (settings, town) = try settings(config: config)
        guard FileManager.default.fileExists(atPath: db) else { throw CommandFailure("\(db): no such database") }
        var readOnly = SQLiteConnection.Configuration()
        readOnly.readOnly = true
        readOnly.createIfMissing = false
        let connection = try SQLiteConnection(path: db, configuration: readOnly)
        defer { try? connection.close() }
        let counts = try connection.outboxCounts()
        let waiting = try connection.recentMessages(status: .waiting, limit: limit).reversed()
        let failed = try connection.recentMessages(status: .failed, limit: limit)
        let transport =
            settings.maildirFolder(databasePath: db).map { "maildir \($0)" } ?? settings.transportDescription
        print("mail: \(transport)")
        let total = { (status: OutboxMessage.Status) in
            counts.filter { $0.status == status }.reduce(0) { $0 + $1.count }
        }
        print(
            "outbox: \(total(.waiting)) waiting, \(total(.sent)) sent, \(total(.failed)) failed, \(total(.dropped)) dropped"
        )
        for kind in MessageKind.allCases {
            let line = OutboxMessage.Status.allCases.map { status in
                "\(status.rawValue) \(counts.first { $0.kind == kind && $0.status == status }?.count ?? 0)"
            }
            print(
                "  " + kind.rawValue.padding(toLength: 21, withPad: " ", startingAt: 0) + line.joined(separator: "  "))
        }
        func line(_ message: OutboxMessage, at instant: Instant, _ what: String) throws -> String {
            let reference = try connection.booking(id: message.intent.booking)?.booking.reference ?? "?"
            let office = town.office(message.intent.office)
            let when =
                office.map { Representations.time(instant, in: $0) } ?? RFC3339.format(instant, offsetSeconds: 0)
            return "  #\(message.id) \(message.intent.kind.rawValue) \(reference) \(what) \(when)"
                + (message.attempts > 0 ? ", \(message.attempts) attempts" : "")
                + (message.result.map { ": \($0)" } ?? "")
        }
        if !waiting.isEmpty {
            print("waiting, oldest first:")
            for message in waiting { print(try line(message, at: message.nextAttemptAt, "due")) }
        }
        if !failed.isEmpty {
            print("failed, newest first:")
            for message in failed { print(try line(message, at: message.finishedAt ?? message.createdAt, "failed")) }
        }
        return 0
    }

    static func show(_ arguments: inout CommandArguments) throws -> Int32 {
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        let db = DatabaseLocation.path(explicit: try arguments.option("db"))
        let file = try arguments.positional()
        try arguments.finish()
        var path = file
        if path == nil {
            let (settings, _) = try settings(config: config)
            guard let folder = settings.maildirFolder(databasePath: db) else {
                throw CommandFailure(
                    "the configuration sends mail by \(settings.transportDescription), not to a folder")
            }
            let newest = ["new", "cur"].flatMap { sub in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + sub)) ?? []).filter {
                    !$0.hasPrefix(".")
                }.map { (name: $0, path: folder + "/" + sub + "/" + $0) }
            }.max { ($0.name.prefix { $0.isNumber }.count, $0.name) < ($1.name.prefix { $0.isNumber }.count, $1.name) }
            guard let newest else { throw CommandFailure("\(folder) holds no message yet") }
            path = newest.path
        }
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(file ?? "the message"): cannot be read")
        }
        print("(\(path))")
        print(ReadableMessage.text(Array(data)), terminator: "")
        return 0
    }

    static func preview(_ arguments: inout CommandArguments) throws -> Int32 {
        let languageName = try arguments.option("language") ?? "de"
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        let kindName = try arguments.positional() ?? ""
        try arguments.finish()
        guard let kind = MessageKind(rawValue: kindName) else {
            throw UsageError("KIND is one of " + MessageKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let language = Language(rawValue: languageName) else { throw UsageError("--language is de or en") }
        let (settings, town) = try settings(config: config)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rathaus-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try Database.open(
            path: directory.appendingPathComponent("preview.sqlite").path, municipality: town,
            clock: { Instant.current }, messages: .off)
        var quiet = settings
        quiet.transport = .off
        let desk = try MailDesk(
            settings: quiet, database: database, configuration: LiveConfiguration(municipality: town),
            metrics: Metrics(),
            clock: { Instant.current }, log: { _ in })
        let bytes: [UInt8]
        do {
            bytes = try desk.preview(kind, language: language)
        } catch {
            throw CommandFailure("the configured sender cannot be written in a message")
        }
        print(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"), terminator: "")
        return 0
    }
}
