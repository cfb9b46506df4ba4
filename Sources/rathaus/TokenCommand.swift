import App
import Foundation
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus token create|list|revoke`: staff tokens for the hotline, counters, kiosks and admins.
enum TokenCommand: Subcommand {
    static let name = "token"
    static let summary = "create, list or revoke tokens of devices and integrations"
    static let usage = """
        usage: rathaus token create --role hotline|counter|kiosk|office-manager|admin [--office ID] [--name TEXT] [--db FILE]
               rathaus token import --role hotline|counter|kiosk|office-manager|admin [--office ID] [--name TEXT] [--db FILE] < TOKEN
               rathaus token list [--db FILE]
               rathaus token revoke ID [--db FILE]

        'create' prints the new token once on stdout (only its hash is stored; keep it safe) and
        its id on stderr. It works on the database 'serve' uses, also while the server runs.
        --office limits the token to one office. 'revoke' takes the id 'list' shows. Tokens are for
        devices (kiosks) and integrations; people sign in (rathaus staff).

        'import' stores a token made by 'create' on another instance's database (read from
        standard input), so that one hotline or admin token works on every instance.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        guard let action = try arguments.positional() else { throw UsageError("say create, import, list or revoke") }
        let path = DatabaseLocation.path(explicit: try arguments.option("db"))
        let now = Instant.current
        switch action {
        case "create", "import":
            guard let roleName = try arguments.option("role") else { throw UsageError("--role is required") }
            guard let role = StaffRole(rawValue: roleName) else {
                throw UsageError("--role must be hotline, counter, kiosk, office-manager or admin, not '\(roleName)'")
            }
            let office = try arguments.option("office")
            if let office, !office.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                throw UsageError("--office must be an office id")
            }
            let name = try arguments.option("name")
            if let name,
                name.isEmpty || name.count > 100
                    || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                throw UsageError("--name must be 1 to 100 characters without line breaks or other control characters")
            }
            try arguments.finish()
            var given: String?
            if action == "import" {
                let line = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) ?? ""
                guard line.hasPrefix("rst_"), line.utf8.count == 47,
                    Secrets.decodeBase64URL(String(line.dropFirst(4))) != nil
                else {
                    throw UsageError(
                        "give the token on standard input: rst_ and 43 characters, as 'token create' printed it")
                }
                given = line
            }
            let connection = try open(path, create: true)
            let (_, record) = try connection.createStaffToken(
                role: role, office: office.map { OfficeID($0) }, name: name, now: now, given: given
            ) { token in
                guard given == nil else { return }
                print(token)
                guard StandardOutput.flush() else {
                    throw CommandFailure(
                        "cannot write the token to standard output (\(String(cString: strerror(errno)))); nothing was stored"
                    )
                }
            }
            Log.standardError(
                given == nil
                    ? "created token \(record.id) (\(role.rawValue)\(office.map { ", office \($0)" } ?? "")); it is shown only now"
                    : "imported token \(record.id) (\(role.rawValue)\(office.map { ", office \($0)" } ?? ""))"
            )
            return 0
        case "list":
            try arguments.finish()
            let connection = try open(path, create: false)
            let tokens = try connection.staffTokens()
            if tokens.isEmpty { print("no staff tokens") }
            for token in tokens {
                let created = RFC3339.format(token.createdAt, offsetSeconds: 0)
                let state = token.revokedAt.map { "revoked \(RFC3339.format($0, offsetSeconds: 0))" } ?? "active"
                print(
                    "\(token.id)  \(token.role.rawValue)  \(token.office?.rawValue ?? "all offices")  \(token.name ?? "-")  created \(created)  \(state)"
                )
            }
            return 0
        case "revoke":
            guard let id = try arguments.positional() else {
                throw UsageError("say which token: rathaus token revoke ID")
            }
            guard !id.hasPrefix("rst_") else {
                throw UsageError("give the token's id as 'rathaus token list' shows it, not the token itself")
            }
            try arguments.finish()
            let connection = try open(path, create: false)
            guard try connection.revokeStaffToken(id: id, now: now) else {
                throw CommandFailure("no active token \(id)")
            }
            print("revoked \(id)")
            return 0
        default:
            throw UsageError("unknown action '\(action)'; say create, import, list or revoke")
        }
    }

    private static func open(_ path: String, create: Bool) throws -> SQLiteConnection {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        if !create, size == 0 { throw CommandFailure("\(path): no such database") }
        try RathausSchema.migrator.checkFile(at: path)
        let connection = try SQLiteConnection(path: path)
        try RathausSchema.migrator.migrate(connection)
        return connection
    }
}
