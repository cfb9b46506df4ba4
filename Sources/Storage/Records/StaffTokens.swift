package import Scheduling

/// What a staff token or a signed-in staff member may do: the role decides the booking channel
/// and contingent, and which routes it opens. A route names the roles it admits in
/// `Contract.Access.staff([...], office:)`; the administrator passes every one.
package enum StaffRole: String, CaseIterable, Sendable {
    /// The hotline: books for callers on the hotline contingent, anywhere.
    case hotline
    /// Counter staff: books any bookable time, runs the queue at its counters.
    case counter
    /// The self-service terminal in the hall: issues tickets and checks appointments in.
    case kiosk
    /// Everything, including other staff's routes.
    case admin
    /// Amtsleitung, Teamleitung: their offices' configuration, statistics and audit trail.
    case officeManager = "office-manager"

    /// The channel bookings made with this role carry.
    package var channel: Channel {
        switch self {
        case .hotline: .hotline
        case .counter, .admin, .officeManager: .counter
        case .kiosk: .kiosk
        }
    }
}

/// A staff token as stored: its hash, never the token.
package struct StaffToken: Sendable, Equatable {
    package var id: String
    package var role: StaffRole
    /// The only office it may act for; nil: every office.
    package var office: OfficeID?
    package var name: String?
    package var createdAt: Instant
    package var revokedAt: Instant?

    package var isActive: Bool { revokedAt == nil }

    /// Whether it may act for `office`.
    package func covers(_ office: OfficeID) -> Bool {
        self.office == nil || self.office == office
    }
}

extension SQLiteConnection {
    /// Creates a staff token and returns it with its record; the token is shown once and only
    /// its hash is stored, and the audit log records who made it (`actor`). `handOver` gets the
    /// token before the record commits: when it throws (the token could not be shown), nothing is
    /// stored. `given`: a token made by another instance's database, to be valid here too (several
    /// instances); else a new one.
    package func createStaffToken(
        role: StaffRole, office: OfficeID?, name: String?, now: Instant, given: String? = nil,
        actor: StaffActor = .commandLine,
        handOver: (String) throws -> Void = { _ in }
    ) throws -> (token: String, record: StaffToken) {
        let token = given ?? "rst_" + Secrets.token()
        let record = StaffToken(
            id: String(Secrets.identifier().prefix(12)), role: role, office: office, name: name, createdAt: now,
            revokedAt: nil)
        try transaction(.immediate) {
            try execute(
                "INSERT INTO staff_token (id, token_hash, role, office, name, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    record.id, Secrets.hash(token: token), role.rawValue, office?.rawValue, name,
                    now.secondsSinceEpoch,
                ])
            try insertAudit(
                at: now, actor: actor, action: given == nil ? "create-token" : "import-token", office: office,
                target: record.id,
                detail: "role \(role.rawValue)")
            try handOver(token)
        }
        return (token, record)
    }

    /// Every staff token, oldest first.
    package func staffTokens() throws -> [StaffToken] {
        try query("SELECT id, role, office, name, created_at, revoked_at FROM staff_token ORDER BY created_at, id").map
        {
            try Self.staffToken($0)
        }
    }

    /// The active token with this secret, if any.
    package func staffToken(secret: String) throws -> StaffToken? {
        try queryFirst(
            "SELECT id, role, office, name, created_at, revoked_at FROM staff_token WHERE token_hash = ? AND revoked_at IS NULL",
            [Secrets.hash(token: secret)]
        ).map { try Self.staffToken($0) }
    }

    /// Revokes the token with `id` and records who did (`actor`) in the audit log; false when
    /// there is no active one.
    package func revokeStaffToken(id: String, now: Instant, actor: StaffActor = .commandLine) throws -> Bool {
        try transaction(.immediate) {
            try execute(
                "UPDATE staff_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                [now.secondsSinceEpoch, id])
            guard changes == 1 else { return false }
            let office = try queryFirst("SELECT office FROM staff_token WHERE id = ?", [id])
            try insertAudit(
                at: now, actor: actor, action: "revoke-token",
                office: try office?.value(at: 0, as: String?.self).map { OfficeID($0) }, target: id)
            return true
        }
    }

    private static func staffToken(_ row: Row) throws -> StaffToken {
        let role: String = try row.value(at: 1)
        return StaffToken(
            id: try row.value(at: 0), role: StaffRole(rawValue: role) ?? .kiosk,
            office: try row.value(at: 2, as: String?.self).map { OfficeID($0) }, name: try row.value(at: 3),
            createdAt: Instant(secondsSinceEpoch: try row.value(at: 4)),
            revokedAt: try row.value(at: 5, as: Int64?.self).map { Instant(secondsSinceEpoch: $0) })
    }
}
