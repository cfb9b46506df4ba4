import App
import Foundation
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus staff add|list|disable|enable|password`: local staff accounts, for towns without an
/// identity provider (and a way in when it is down), and disabling anyone who signs in.
enum StaffCommand: Subcommand {
    static let name = "staff"
    static let summary = "add, list, disable or enable staff accounts, set a password"
    static let usage = """
        usage: rathaus staff add LOGIN --name TEXT --role ROLE [--role ROLE]… [--password-stdin] [--db FILE]
               rathaus staff list [--db FILE]
               rathaus staff disable LOGIN|ID [--db FILE]
               rathaus staff enable LOGIN|ID [--db FILE]
               rathaus staff password LOGIN [--password-stdin] [--db FILE]

        'add' makes a local account that signs in at /staff/sign-in with LOGIN (letters, digits,
        '.', '-', '_'; case does not matter) and a password. ROLE is one of
            admin                    everything, in every office
            hotline                  booking for callers, in every office
            office-manager:OFFICE    the office's configuration, statistics and audit trail
            counter:OFFICE           the office's queue and counter pages
            kiosk:OFFICE             a kiosk device of the office
        with OFFICE an office's id or * for every office; --name is shown in the audit trail.

        The password is asked twice on the terminal without echo, or read as one line from
        standard input with --password-stdin; never from the command line. At least
        \(PasswordInput.minimumLength) characters. Only a PBKDF2-SHA256 hash is stored.

        'disable' ends the account's sessions at once and refuses its sign-ins (for a person of
        the identity provider too: give the id 'list' shows); 'enable' undoes it. Every change is
        written to the audit trail. The commands work on the database 'serve' uses, also while
        the server runs.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        guard let action = try arguments.positional() else {
            throw UsageError("say add, list, disable, enable or password")
        }
        let path = DatabaseLocation.path(explicit: try arguments.option("db"))
        switch action {
        case "add":
            guard let login = try arguments.positional() else {
                throw UsageError("say which login: rathaus staff add LOGIN")
            }
            guard let name = try arguments.option("name") else { throw UsageError("--name is required") }
            let roles = try arguments.repeatedOption("role")
            let fromStandardInput = try arguments.flag("password-stdin")
            try arguments.finish()
            try checkLogin(login)
            try checkName(name)
            guard !roles.isEmpty else { throw UsageError("give at least one --role") }
            guard let access = StaffAccess(roles: roles.joined(separator: " ")),
                roles.allSatisfy({ role in
                    let office = role.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)
                    return !role.contains(" ") && (office.map { $0 == "*" || isOfficeID($0) } ?? true)
                })
            else {
                throw UsageError(
                    "--role must be admin, hotline, office-manager:OFFICE, counter:OFFICE or kiosk:OFFICE, not '\(roles.joined(separator: " "))'"
                )
            }
            let connection = try open(path, create: true)
            if try connection.staffMember(login: login) != nil { throw CommandFailure("the login \(login) is taken") }
            let password = try PasswordInput.read(fromStandardInput: fromStandardInput, prompt: "Password for \(login)")
            let hash = try PasswordHash(password: password)
            let member = try connection.insertLocalStaffMember(
                login: login, name: name, roles: access.claimText, passwordHash: hash.stored, now: .current)
            try audit(connection, "account-added", member, detail: "roles \(access.claimText)")
            print("added \(member.login ?? login) (\(member.id)): \(access.claimText)")
            return 0
        case "list":
            try arguments.finish()
            let connection = try open(path, create: false)
            let members = try connection.staffMembers()
            if members.isEmpty { print("no staff accounts") }
            for member in members {
                let kind = member.login.map { "local \($0)" } ?? "identity provider"
                let state = member.disabledAt.map { "disabled \(RFC3339.format($0, offsetSeconds: 0))" } ?? "active"
                let seen =
                    member.signedInAt.map { "last sign-in \(RFC3339.format($0, offsetSeconds: 0))" }
                    ?? "never signed in"
                print("\(member.id)  \(kind)  \(member.name)  [\(member.roles)]  \(seen)  \(state)")
            }
            return 0
        case "disable", "enable":
            guard let which = try arguments.positional() else {
                throw UsageError("say whose: rathaus staff \(action) LOGIN")
            }
            try arguments.finish()
            let connection = try open(path, create: false)
            let member = try find(which, in: connection)
            if action == "disable" {
                guard try connection.disableStaffMember(id: member.id, now: .current) else {
                    throw CommandFailure("\(which) is already disabled")
                }
            } else {
                guard try connection.enableStaffMember(id: member.id) else {
                    throw CommandFailure("\(which) is not disabled")
                }
            }
            try audit(connection, action == "disable" ? "account-disabled" : "account-enabled", member)
            print("\(action)d \(which)")
            return 0
        case "password":
            guard let login = try arguments.positional() else {
                throw UsageError("say whose: rathaus staff password LOGIN")
            }
            let fromStandardInput = try arguments.flag("password-stdin")
            try arguments.finish()
            let connection = try open(path, create: false)
            guard let member = try connection.staffMember(login: login) else {
                throw CommandFailure("no local account \(login)")
            }
            let password = try PasswordInput.read(
                fromStandardInput: fromStandardInput, prompt: "New password for \(login)")
            guard
                try connection.setStaffPassword(
                    id: member.id, passwordHash: try PasswordHash(password: password).stored)
            else { throw CommandFailure("no local account \(login)") }
            try audit(connection, "password-changed", member)
            print("set the password of \(login)")
            return 0
        default:
            throw UsageError("unknown action '\(action)'; say add, list, disable, enable or password")
        }
    }

    /// A login name: 1 to 64 of `a-z 0-9 . - _`, beginning with a letter or digit (any case).
    static func checkLogin(_ login: String) throws(UsageError) {
        let bytes = Array(login.lowercased().utf8)
        let allowed = bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
        guard (1...64).contains(bytes.count), allowed, let first = bytes.first, first != UInt8(ascii: "."),
            first != UInt8(ascii: "-"), first != UInt8(ascii: "_")
        else {
            throw UsageError("LOGIN must be 1 to 64 letters, digits, '.', '-' or '_', beginning with a letter or digit")
        }
    }

    /// Whether `text` has the form of an office id: 1 to 64 of `a-z 0-9 - _`.
    static func isOfficeID(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            }
    }

    static func checkName(_ name: String) throws(UsageError) {
        guard !name.trimmingWhitespace.isEmpty, name.count <= 100,
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw UsageError("--name must be 1 to 100 characters without line breaks or other control characters") }
    }

    /// The member with the login name or id `which`.
    private static func find(_ which: String, in connection: SQLiteConnection) throws -> StaffMember {
        if let member = try connection.staffMember(login: which) ?? connection.staffMember(id: which) { return member }
        throw CommandFailure("no staff account \(which) (rathaus staff list shows them)")
    }

    /// An audit entry for a change made here, naming the operating-system user who made it.
    private static func audit(
        _ connection: SQLiteConnection, _ action: String, _ member: StaffMember, detail: String? = nil
    ) throws {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["SUDO_USER"] ?? environment["USER"]
        try connection.insertAudit(
            at: .current, actor: StaffActor(id: "cli", role: "command-line", name: user), action: action,
            office: nil, target: member.login ?? member.id, detail: detail)
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
