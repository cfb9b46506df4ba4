package import Scheduling

/// One entry of the audit log: who (a staff token's id and role, or a signed-in staff member's id
/// with the role `person`, and the name either had then) did what to which record, when. Never a
/// citizen's contact data.
package struct AuditEntry: Sendable, Equatable {
    /// Its number, in the order of writing.
    package var id: Int
    package var at: Instant
    package var actor: String
    package var role: String
    package var actorName: String?
    /// What was done: `sign-in`, `sign-in-failed`, `sign-out`, `book`, `cancel`, `reschedule`,
    /// `call-next`, a ticket action (`recall`, `finish`, …), `reconfigure`, `keep-flagged`,
    /// `create-token`, `revoke-token`, `account-added`, …
    package var action: String
    /// The office it concerns; nil for what concerns the whole town (signing in, accounts).
    package var office: OfficeID?
    /// The record it concerns: a booking's reference, a ticket's id, a configuration version, a
    /// token's id, an account; never a citizen's contact data.
    package var target: String?
    /// More about it in a few words (how someone signed in, `configuration version 4`).
    package var detail: String?

    package init(
        id: Int = 0, at: Instant, actor: String, role: String, actorName: String? = nil, action: String,
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

/// The audit log: appended in the transaction of the change it records (the office writers) or on
/// its own (sign-ins, accounts, tokens), read per office and time or newest first, and deleted
/// after its retention.
extension SQLiteConnection {
    /// Appends one entry. `target` names a record (a booking's reference, a ticket's id), never a
    /// citizen's contact data; nor does `detail`.
    package func insertAudit(
        at: Instant, actor: StaffActor, action: String, office: OfficeID?, target: String?, detail: String? = nil
    ) throws {
        try execute(
            """
            INSERT INTO audit_log (at, actor, role, actor_name, action, office, target, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [at.secondsSinceEpoch, actor.id, actor.role, actor.name, action, office?.rawValue, target, detail])
    }

    /// The entries from `from` (inclusive) to `to` (exclusive), newest first, at most `limit`:
    /// those of `office`, or with `office` nil every entry (the town-wide ones included).
    package func auditEntries(office: OfficeID?, from: Instant, to: Instant, limit: Int) throws -> [AuditEntry] {
        let rows: [Row]
        if let office {
            rows = try query(
                "SELECT \(Self.auditColumns) FROM audit_log a LEFT JOIN staff_token t ON t.id = a.actor "
                    + "WHERE a.office = ? AND a.at >= ? AND a.at < ? ORDER BY a.at DESC, a.id DESC LIMIT ?",
                [office.rawValue, from.secondsSinceEpoch, to.secondsSinceEpoch, limit])
        } else {
            rows = try query(
                "SELECT \(Self.auditColumns) FROM audit_log a LEFT JOIN staff_token t ON t.id = a.actor "
                    + "WHERE a.at >= ? AND a.at < ? ORDER BY a.at DESC, a.id DESC LIMIT ?",
                [from.secondsSinceEpoch, to.secondsSinceEpoch, limit])
        }
        return try rows.map(Self.auditEntry)
    }

    /// The newest entries first: at most `limit`, older than entry `before` when given, of
    /// `office` when given.
    package func auditEntries(limit: Int, before: Int? = nil, office: OfficeID? = nil) throws -> [AuditEntry] {
        try query(
            """
            SELECT \(Self.auditColumns)
            FROM audit_log a LEFT JOIN staff_token t ON t.id = a.actor
            WHERE (?1 IS NULL OR a.id < ?1) AND (?2 IS NULL OR a.office = ?2)
            ORDER BY a.id DESC LIMIT ?3
            """, [before, office?.rawValue, limit]
        ).map(Self.auditEntry)
    }

    /// The columns `auditEntry` reads: the name the entry recorded, else the name its staff token
    /// was given.
    private static let auditColumns =
        "a.id, a.at, a.actor, a.role, COALESCE(a.actor_name, t.name), a.action, a.office, a.target, a.detail"

    private static func auditEntry(_ row: Row) throws -> AuditEntry {
        AuditEntry(
            id: try row.value(at: 0), at: Instant(secondsSinceEpoch: try row.value(at: 1)), actor: try row.value(at: 2),
            role: try row.value(at: 3), actorName: try row.value(at: 4), action: try row.value(at: 5),
            office: try row.value(at: 6, as: String?.self).map { OfficeID($0) }, target: try row.value(at: 7),
            detail: try row.value(at: 8))
    }

    /// Deletes the entries older than `before`; returns how many.
    @discardableResult
    package func deleteAudit(before: Instant) throws -> Int {
        try execute("DELETE FROM audit_log WHERE at < ?", [before.secondsSinceEpoch])
        return changes
    }

    /// Deletes the history in one transaction: configuration versions older than `versionsBefore`
    /// (never the newest) and audit entries older than `auditBefore`. Returns how many of each.
    @discardableResult
    package func deleteHistory(versionsBefore: Instant, auditBefore: Instant) throws -> (versions: Int, entries: Int) {
        try transaction(.immediate) {
            (try deleteConfigurationVersions(before: versionsBefore), try deleteAudit(before: auditBefore))
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
