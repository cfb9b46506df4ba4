package import Scheduling

/// One entry of the audit log: who (a staff token's or staff member's id and role, never a
/// token), when, what, to which record. Never a citizen's contact data.
package struct AuditEntry: Sendable, Equatable {
    package var id: Int
    package var at: Instant
    package var actor: String
    package var role: String
    /// The name the actor's staff token was given (`--name`), when it is a token that has one.
    package var actorName: String?
    /// `book`, `cancel`, `reschedule`, `reconfigure`, `create-token`, `revoke-token`, queue actions …
    package var action: String
    package var office: OfficeID?
    /// The record acted on: a booking's reference, a ticket's id, a token's id, a version.
    package var target: String?
    /// More about it, in words (`configuration version 4`, `role hotline, office nord`).
    package var detail: String?

    package init(
        id: Int, at: Instant, actor: String, role: String, actorName: String? = nil, action: String,
        office: OfficeID?, target: String?, detail: String?
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.actorName = actorName
        self.action = action
        self.office = office
        self.target = target
        self.detail = detail
    }
}

extension StaffActor {
    /// The operator at the command line (`rathaus token create`), who has no token of their own.
    package static let commandLine = StaffActor(id: "command-line", role: "operator")
}

/// The audit log: who (a staff token's id and role, never the token) did what to which record.
extension SQLiteConnection {
    /// Appends one entry. `target` names a record (a booking's reference, a ticket's id), never a
    /// citizen's contact data; nor does `detail`.
    package func insertAudit(
        at: Instant, actor: StaffActor, action: String, office: OfficeID?, target: String?, detail: String? = nil
    ) throws {
        try execute(
            "INSERT INTO audit_log (at, actor, role, action, office, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [at.secondsSinceEpoch, actor.id, actor.role, action, office?.rawValue, target, detail])
    }

    /// The newest entries first: at most `limit`, older than entry `before` when given, of
    /// `office` when given, with the names of the tokens that made them.
    package func auditEntries(limit: Int, before: Int? = nil, office: OfficeID? = nil) throws -> [AuditEntry] {
        try query(
            """
            SELECT a.id, a.at, a.actor, a.role, t.name, a.action, a.office, a.target, a.detail
            FROM audit_log a LEFT JOIN staff_token t ON t.id = a.actor
            WHERE (?1 IS NULL OR a.id < ?1) AND (?2 IS NULL OR a.office = ?2)
            ORDER BY a.id DESC LIMIT ?3
            """, [before, office?.rawValue, limit]
        ).map { row in
            AuditEntry(
                id: try row.value(at: 0), at: Instant(secondsSinceEpoch: try row.value(at: 1)),
                actor: try row.value(at: 2), role: try row.value(at: 3), actorName: try row.value(at: 4),
                action: try row.value(at: 5), office: try row.value(at: 6, as: String?.self).map { OfficeID($0) },
                target: try row.value(at: 7), detail: try row.value(at: 8))
        }
    }

    /// Deletes the entries older than `before`; returns how many.
    @discardableResult
    package func deleteAuditEntries(before: Instant) throws -> Int {
        try execute("DELETE FROM audit_log WHERE at < ?", [before.secondsSinceEpoch])
        return changes
    }

    /// Deletes the history older than `before` in one transaction: configuration versions (never
    /// the newest) and audit entries. Returns how many of each.
    @discardableResult
    package func deleteHistory(before: Instant) throws -> (versions: Int, entries: Int) {
        try transaction(.immediate) {
            (try deleteConfigurationVersions(before: before), try deleteAuditEntries(before: before))
        }
    }

    /// The names staff tokens were given, by id (tokens without a name are left out): the
    /// history shows who made a change by name.
    package func staffTokenNames() throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try query("SELECT id, name FROM staff_token WHERE name IS NOT NULL") {
            names[try row.value(at: 0)] = try row.value(at: 1, as: String.self)
        }
        return names
    }
}
