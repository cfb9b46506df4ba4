package import Scheduling

/// One entry of the audit log: who (a staff token's id and role, or a signed-in staff member's id
/// with the role `person`, and the name either had then) did what to which record, when.
package struct AuditEntry: Sendable, Equatable {
    package var at: Instant
    package var actor: String
    package var role: String
    package var actorName: String?
    /// What was done: `sign-in`, `sign-in-failed`, `sign-out`, `book`, `cancel`, `reschedule`,
    /// `call-next`, a ticket action (`recall`, `finish`, …), `reconfigure`, `account-added`, …
    package var action: String
    /// The office it concerns; nil for what concerns the whole town (signing in, accounts).
    package var office: OfficeID?
    /// The record it concerns: a booking's reference, a ticket's id, a configuration version, an
    /// account; never a citizen's contact data.
    package var target: String?
    /// More about it in a few words (how someone signed in, why a sign-in failed).
    package var detail: String?

    package init(
        at: Instant, actor: String, role: String, actorName: String?, action: String, office: OfficeID?,
        target: String?, detail: String?
    ) {
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

/// The audit log: appended in the transaction of the change it records (the office writers) or on
/// its own (sign-ins, accounts), read per office and time, and deleted after its retention.
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
        let columns = "at, actor, role, actor_name, action, office, target, detail"
        let rows: [Row]
        if let office {
            rows = try query(
                "SELECT \(columns) FROM audit_log WHERE office = ? AND at >= ? AND at < ? ORDER BY at DESC, id DESC LIMIT ?",
                [office.rawValue, from.secondsSinceEpoch, to.secondsSinceEpoch, limit])
        } else {
            rows = try query(
                "SELECT \(columns) FROM audit_log WHERE at >= ? AND at < ? ORDER BY at DESC, id DESC LIMIT ?",
                [from.secondsSinceEpoch, to.secondsSinceEpoch, limit])
        }
        return try rows.map { row in
            AuditEntry(
                at: Instant(secondsSinceEpoch: try row.value(at: 0)), actor: try row.value(at: 1),
                role: try row.value(at: 2), actorName: try row.value(at: 3), action: try row.value(at: 4),
                office: try row.value(at: 5, as: String?.self).map { OfficeID($0) }, target: try row.value(at: 6),
                detail: try row.value(at: 7))
        }
    }

    /// Deletes the entries older than `before`; returns how many.
    @discardableResult
    package func deleteAudit(before: Instant) throws -> Int {
        try execute("DELETE FROM audit_log WHERE at < ?", [before.secondsSinceEpoch])
        return changes
    }
}
