import App
import Foundation
import Glibc
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus config export|apply`: the configuration as a file in version control
/// (Documentation/Administration.md, "Export and apply"). `export` writes the version the
/// database serves; `apply` shows what a file would change and whom it affects through the running
/// server's preview, asks, and saves it there, so that no change bypasses the office writers.
enum ConfigCommand: Subcommand {
    static let name = "config"
    static let summary = "export the configuration the database serves, or apply a file to the running server"
    static let usage = """
        usage: rathaus config export [--db FILE] [--out FILE|DIR]
               rathaus config apply FILE [--url URL] [--token TOKEN] [--yes] [--decide keep|move|cancel]

        'export' writes the newest configuration version of the database (--db, else $RATHAUS_DB,
        else ./rathaus.sqlite) as pretty JSON: to standard output, to FILE, or into DIR under the
        name of the file it was first read from. With --out the closure calendars it names are
        written beside it. It reads the file only, also while the server runs.

        'apply' sends FILE (and the closure calendars it names, read from beside it) to the running
        server at --url (default http://127.0.0.1:8080) with an admin token (--token, else
        $RATHAUS_TOKEN), prints what it changes and the bookings it no longer fits, asks, and
        saves it as the next version. Each affected booking is kept and flagged for staff, moved
        to the next free time, or cancelled with notice, as --decide says (default keep). --yes
        saves without asking (needed when standard input is not a terminal). A refusal is one
        line and exit 1; nothing is changed.

        With the server stopped, change the configuration file and start it: a changed file is
        read as a new version unless the console changed the configuration since.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        guard let action = try arguments.positional() else { throw UsageError("say export or apply") }
        switch action {
        case "export": return try export(&arguments)
        case "apply": return try apply(&arguments)
        default: throw UsageError("unknown action '\(action)'; say export or apply")
        }
    }

    // MARK: Export

    private static func export(_ arguments: inout CommandArguments) throws -> Int32 {
        let path = DatabaseLocation.path(explicit: try arguments.option("db"))
        let out = try arguments.option("out")
        try arguments.finish()
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path): no such database") }
        let connection = try SQLiteConnection(path: path, configuration: .reader)
        defer { try? connection.close() }
        try RathausSchema.migrator.verifyCurrent(connection)
        guard let version = try connection.latestConfigurationVersion() else {
            throw CommandFailure("\(path): no configuration stored yet; the configuration file is the configuration")
        }
        let text = String(decoding: version.document, as: UTF8.self) + "\n"
        let origin =
            "version \(version.number), \(version.source == .file ? "read from \(version.actor)" : "changed in the console by \(version.actor)") on \(RFC3339.format(version.at, offsetSeconds: 0))"
        guard let out else {
            print(text, terminator: "")
            guard StandardOutput.flush() else {
                throw CommandFailure("cannot write to standard output (\(String(cString: strerror(errno))))")
            }
            let names = version.calendars.keys.sorted()
            Log.standardError(
                "exported configuration \(origin)"
                    + (names.isEmpty
                        ? ""
                        : "; it names closure calendars (\(names.joined(separator: ", "))): use --out to write them too")
            )
            return 0
        }
        var isDirectory: ObjCBool = false
        let file: String
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            let fileName = try connection.latestConfigurationVersion(source: .file).map {
                ($0.actor as NSString).lastPathComponent
            }
            file = (out as NSString).appendingPathComponent(
                fileName.flatMap { $0.hasSuffix(".json") ? $0 : nil } ?? "rathaus.json")
        } else {
            file = out
        }
        try write(text, to: file)
        let directory = (file as NSString).deletingLastPathComponent
        for (name, calendar) in version.calendars.sorted(by: { $0.key < $1.key }) {
            guard !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
                Log.standardError("not written: closure calendar \(name) (not a path beside the file)")
                continue
            }
            try write(calendar, to: directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name))
        }
        print(
            "wrote \(file) (\(origin))"
                + (version.calendars.isEmpty ? "" : " and \(version.calendars.count) closure calendars beside it"))
        return 0
    }

    private static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }

    // MARK: Apply

    private static func apply(_ arguments: inout CommandArguments) throws -> Int32 {
        let url = try arguments.option("url") ?? "http://127.0.0.1:8080"
        let given = try arguments.option("token")
        let yes = try arguments.flag("yes")
        let decideText = try arguments.option("decide") ?? "keep"
        guard let file = try arguments.positional() else {
            throw UsageError("say which file: rathaus config apply FILE")
        }
        try arguments.finish()
        guard let decision = Reconfiguration.Decision(rawValue: decideText) else {
            throw UsageError("--decide must be keep, move or cancel, not '\(decideText)'")
        }
        guard let base = URL(string: url), ["http", "https"].contains(base.scheme ?? ""), base.host != nil else {
            throw UsageError("--url must be an http or https URL such as http://127.0.0.1:8080")
        }
        guard let token = given ?? ProcessInfo.processInfo.environment["RATHAUS_TOKEN"], !token.isEmpty else {
            throw UsageError("an admin token is needed: --token TOKEN or $RATHAUS_TOKEN")
        }
        let document = try ConfigurationDocument.read(file: file)
        do {
            _ = try document.municipality()
        } catch {
            throw CommandFailure("\((file as NSString).lastPathComponent): \(error)")
        }
        let client = ConfigurationClient(base: base, token: token)
        let current = try client.get("/v1/configuration")
        guard let etag = current.etag else { throw CommandFailure("the server sent no version (ETag)") }
        var body: [(key: String, value: JSONValue)] = [("document", document.root)]
        if !document.calendars.isEmpty {
            body.append(
                (
                    "calendars",
                    .object(document.calendars.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
                ))
        }
        let preview = try client.post("/v1/configuration/preview", .object(body)).json
        let changes = preview["changes"]?.items ?? []
        let affected = preview["affected"]?.items ?? []
        let version = current.json["version"].map { $0.text(pretty: false) } ?? etag
        guard !changes.isEmpty || !affected.isEmpty else {
            print("no change: the server runs this configuration already (version \(version))")
            return 0
        }
        print("\(changes.count == 1 ? "1 change" : "\(changes.count) changes") against version \(version):")
        for change in changes { print("  " + (change["text"]?.stringValue ?? "")) }
        let fate =
            switch decision {
            case .keep: "each is kept and flagged for staff"
            case .move: "each moves to the next free time (kept and flagged when there is none)"
            case .cancel: "each is cancelled with notice"
            }
        print(
            affected.isEmpty
                ? "no booking is affected"
                : "\(affected.count == 1 ? "1 booking no longer fits" : "\(affected.count) bookings no longer fit"); \(fate):"
        )
        for booking in affected {
            let move = booking["proposedStart"]?.stringValue.map { " (next free time \($0))" } ?? ""
            print(
                "  \(booking["reference"]?.stringValue ?? "")  \(booking["office"]?.stringValue ?? "")  "
                    + "\(booking["start"]?.stringValue ?? "")  \(booking["reason"]?.stringValue ?? "")"
                    + (decision == .move ? move : ""))
        }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure("not saved: confirm with --yes (standard input is not a terminal)")
            }
            print("Save it? [y/N] ", terminator: "")
            _ = StandardOutput.flush()
            guard let reply = readLine(), ["y", "yes", "j", "ja"].contains(reply.lowercased()) else {
                print("not saved")
                return 1
            }
        }
        var decisions: [(key: String, value: JSONValue)] = []
        for booking in affected {
            if let id = booking["id"]?.stringValue { decisions.append((id, .string(decision.rawValue))) }
        }
        body.append(("decisions", .object(decisions)))
        let saved = try client.put("/v1/configuration", .object(body), ifMatch: etag).json
        var counts = (kept: 0, moved: 0, cancelled: 0)
        var calls: [String] = []
        for office in saved["offices"]?.items ?? [] {
            counts.kept += office["kept"]?.items.count ?? 0
            counts.moved += office["moved"]?.items.count ?? 0
            for booking in office["cancelled"]?.items ?? [] {
                counts.cancelled += 1
                if booking["notice"]?.stringValue != "email" {
                    calls.append(
                        "  \(booking["reference"]?.stringValue ?? "")  \(booking["start"]?.stringValue ?? "")  "
                            + (booking["contact"]?["phone"]?.stringValue ?? "no phone number"))
                }
            }
        }
        print(
            "saved as version \(saved["version"].map { $0.text(pretty: false) } ?? "?"): \(counts.kept) kept and flagged, "
                + "\(counts.moved) moved, \(counts.cancelled) cancelled")
        if !calls.isEmpty {
            print("cancelled without an e-mail address, for the hotline to call:")
            for line in calls { print(line) }
        }
        return 0
    }
}
