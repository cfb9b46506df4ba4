package import Scheduling

/// A person who signs in: a local account (a login name and a password hash) or a person of the
/// town's identity provider (issuer and subject), with a name for the audit trail and roles per
/// office written as claim text (`counter:rathaus office-manager:nord hotline`; the App reads
/// them with the same rules as the provider's role claim).
package struct StaffMember: Sendable, Equatable, CustomStringConvertible {
    /// A short random id, the member's name in sessions and audit entries.
    package var id: String
    /// The name a local account signs in with (lower case); nil for a provider's person.
    package var login: String?
    /// The identity provider and the person's `sub` there; nil for a local account.
    package var issuer: String?
    package var subject: String?
    /// The display name, as the audit trail shows it.
    package var name: String
    /// Roles per office as claim text.
    package var roles: String
    /// The stored form of the password hash (`PasswordHash.stored`); local accounts only.
    package var passwordHash: String?
    package var createdAt: Instant
    package var signedInAt: Instant?
    package var disabledAt: Instant?

    package init(
        id: String, login: String?, issuer: String?, subject: String?, name: String, roles: String,
        passwordHash: String?, createdAt: Instant, signedInAt: Instant?, disabledAt: Instant?
    ) {
        self.id = id
        self.login = login
        self.issuer = issuer
        self.subject = subject
        self.name = name
        self.roles = roles
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.signedInAt = signedInAt
        self.disabledAt = disabledAt
    }

    /// Whether the member may sign in and keep a session.
    package var isActive: Bool { disabledAt == nil }

    /// Whether it is a local account (else a person of the identity provider).
    package var isLocal: Bool { login != nil }

    /// The id and login only: never the hash, the name or the subject, so that a member can be
    /// logged or printed in an error.
    package var description: String { "StaffMember(\(id)\(login.map { ", " + $0 } ?? ""))" }
}

/// Why a staff member could not be stored.
package enum StaffMemberError: Error, Equatable, Sendable {
    /// Another account already signs in with this login name.
    case loginTaken(String)
}

extension SQLiteConnection {
    private static let memberColumnNames = [
        "id", "login", "issuer", "subject", "name", "roles", "password_hash", "created_at", "signed_in_at",
        "disabled_at",
    ]
    private static let memberColumns = memberColumnNames.joined(separator: ", ")

    /// Adds a local account; its login name is stored in lower case.
    package func insertLocalStaffMember(
        login: String, name: String, roles: String, passwordHash: String, now: Instant
    ) throws -> StaffMember {
        let member = StaffMember(
            id: String(Secrets.identifier().prefix(12)), login: login.lowercased(), issuer: nil, subject: nil,
            name: name, roles: roles, passwordHash: passwordHash, createdAt: now, signedInAt: nil, disabledAt: nil)
        try transaction(.immediate) {
            if try queryFirst("SELECT 1 FROM staff_member WHERE login = ?", [member.login]) != nil {
                throw StaffMemberError.loginTaken(member.login ?? login)
            }
            try execute(
                """
                INSERT INTO staff_member (id, login, name, roles, password_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [member.id, member.login, name, roles, passwordHash, now.secondsSinceEpoch])
        }
        return member
    }

    /// The identity provider's person `subject` of `issuer` as signed in at `now`: added at the
    /// first sign-in, with name and roles updated from the provider at every later one. A
    /// disabled person stays disabled.
    package func signedInProviderMember(
        issuer: String, subject: String, name: String, roles: String, now: Instant
    ) throws -> StaffMember {
        try transaction(.immediate) {
            if let found = try queryFirst(
                "SELECT \(Self.memberColumns) FROM staff_member WHERE issuer = ? AND subject = ?", [issuer, subject])
            {
                var member = try Self.staffMember(found)
                member.name = name
                member.roles = roles
                member.signedInAt = now
                try execute(
                    "UPDATE staff_member SET name = ?, roles = ?, signed_in_at = ? WHERE id = ?",
                    [name, roles, now.secondsSinceEpoch, member.id])
                return member
            }
            let member = StaffMember(
                id: String(Secrets.identifier().prefix(12)), login: nil, issuer: issuer, subject: subject,
                name: name, roles: roles, passwordHash: nil, createdAt: now, signedInAt: now, disabledAt: nil)
            try execute(
                """
                INSERT INTO staff_member (id, issuer, subject, name, roles, created_at, signed_in_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [member.id, issuer, subject, name, roles, now.secondsSinceEpoch, now.secondsSinceEpoch])
            return member
        }
    }

    /// The local account that signs in with `login` (any case), if there is one.
    package func staffMember(login: String) throws -> StaffMember? {
        try queryFirst("SELECT \(Self.memberColumns) FROM staff_member WHERE login = ?", [login.lowercased()])
            .map { try Self.staffMember($0) }
    }

    /// The member with `id`, if there is one.
    package func staffMember(id: String) throws -> StaffMember? {
        try queryFirst("SELECT \(Self.memberColumns) FROM staff_member WHERE id = ?", [id]).map {
            try Self.staffMember($0)
        }
    }

    /// Every member: local accounts by login, then the provider's persons by name.
    package func staffMembers() throws -> [StaffMember] {
        try query("SELECT \(Self.memberColumns) FROM staff_member ORDER BY login IS NULL, login, name, id").map {
            try Self.staffMember($0)
        }
    }

    /// Whether any member has been stored.
    package func hasStaffMembers() throws -> Bool {
        try queryFirst("SELECT 1 FROM staff_member LIMIT 1") != nil
    }

    /// Stores a new password hash for the local account `id`; false when there is none.
    package func setStaffPassword(id: String, passwordHash: String) throws -> Bool {
        try execute(
            "UPDATE staff_member SET password_hash = ? WHERE id = ? AND login IS NOT NULL", [passwordHash, id])
        return changes == 1
    }

    /// Records a sign-in at `now`.
    package func recordStaffSignIn(id: String, now: Instant) throws {
        try execute("UPDATE staff_member SET signed_in_at = ? WHERE id = ?", [now.secondsSinceEpoch, id])
    }

    /// Disables the member `id` and ends its sessions, in one transaction; false when there is no
    /// active member with that id.
    package func disableStaffMember(id: String, now: Instant) throws -> Bool {
        try transaction(.immediate) {
            try execute(
                "UPDATE staff_member SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL",
                [now.secondsSinceEpoch, id])
            guard changes == 1 else { return false }
            try execute("DELETE FROM staff_session WHERE member = ?", [id])
            return true
        }
    }

    /// Lets the disabled member `id` sign in again; false when there is no disabled member with it.
    package func enableStaffMember(id: String) throws -> Bool {
        try execute("UPDATE staff_member SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL", [id])
        return changes == 1
    }

    static func staffMember(_ row: Row, from first: Int = 0) throws -> StaffMember {
        StaffMember(
            id: try row.value(at: first), login: try row.value(at: first + 1), issuer: try row.value(at: first + 2),
            subject: try row.value(at: first + 3), name: try row.value(at: first + 4),
            roles: try row.value(at: first + 5), passwordHash: try row.value(at: first + 6),
            createdAt: Instant(secondsSinceEpoch: try row.value(at: first + 7)),
            signedInAt: try row.value(at: first + 8, as: Int64?.self).map { Instant(secondsSinceEpoch: $0) },
            disabledAt: try row.value(at: first + 9, as: Int64?.self).map { Instant(secondsSinceEpoch: $0) })
    }

    /// The columns `staffMember(_:from:)` reads, each prefixed with `table.`.
    static func staffMemberColumns(of table: String) -> String {
        memberColumnNames.map { table + "." + $0 }.joined(separator: ", ")
    }
}
