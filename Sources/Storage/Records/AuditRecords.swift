package import Scheduling

/// The audit log: who (a staff token's id and role, never the token) did what to which record.
extension SQLiteConnection {
    /// Appends one entry. `target` names a record (a booking's reference, a ticket's id), never a
    /// citizen's contact data.
    package func insertAudit(
        at: Instant, actor: StaffActor, action: String, office: OfficeID?, target: String?
    ) throws {
        try execute(
            "INSERT INTO audit_log (at, actor, role, action, office, target) VALUES (?, ?, ?, ?, ?, ?)",
            [at.secondsSinceEpoch, actor.id, actor.role, action, office?.rawValue, target])
    }
}
