package import Scheduling

/// A signed-in staff member's session as stored: the hash of its id (the id itself is only in the
/// browser's cookie), whose it is, how they signed in, and its times.
package struct StaffSession: Sendable, Equatable {
    /// How the member signed in.
    package enum Method: String, Sendable {
        /// A local account's password.
        case password
        /// The town's identity provider.
        case provider
    }

    /// SHA-256 of the session id.
    package var idHash: [UInt8]
    package var member: String
    package var method: Method
    package var createdAt: Instant
    /// The last request the member made (written at most once a minute or so: see the App's
    /// session settings).
    package var seenAt: Instant
    /// When it ends however active it is (the absolute limit).
    package var expiresAt: Instant

    package init(
        idHash: [UInt8], member: String, method: Method, createdAt: Instant, seenAt: Instant, expiresAt: Instant
    ) {
        self.idHash = idHash
        self.member = member
        self.method = method
        self.createdAt = createdAt
        self.seenAt = seenAt
        self.expiresAt = expiresAt
    }
}

extension SQLiteConnection {
    /// Stores a new session.
    package func insertStaffSession(_ session: StaffSession) throws {
        try execute(
            """
            INSERT INTO staff_session (id_hash, member, method, created_at, seen_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                session.idHash, session.member, session.method.rawValue, session.createdAt.secondsSinceEpoch,
                session.seenAt.secondsSinceEpoch, session.expiresAt.secondsSinceEpoch,
            ])
    }

    /// The session whose id hashes to `idHash`, with its member, if both exist.
    package func staffSession(idHash: [UInt8]) throws -> (session: StaffSession, member: StaffMember)? {
        let row = try queryFirst(
            """
            SELECT s.method, s.created_at, s.seen_at, s.expires_at, \(Self.staffMemberColumns(of: "m"))
            FROM staff_session s JOIN staff_member m ON m.id = s.member WHERE s.id_hash = ?
            """, [idHash])
        guard let row else { return nil }
        let member = try Self.staffMember(row, from: 4)
        let method: String = try row.value(at: 0)
        let session = StaffSession(
            idHash: idHash, member: member.id, method: StaffSession.Method(rawValue: method) ?? .password,
            createdAt: Instant(secondsSinceEpoch: try row.value(at: 1)),
            seenAt: Instant(secondsSinceEpoch: try row.value(at: 2)),
            expiresAt: Instant(secondsSinceEpoch: try row.value(at: 3)))
        return (session, member)
    }

    /// Records a request of the session at `now`.
    package func touchStaffSession(idHash: [UInt8], now: Instant) throws {
        try execute("UPDATE staff_session SET seen_at = ? WHERE id_hash = ?", [now.secondsSinceEpoch, idHash])
    }

    /// Ends one session; false when there was none.
    @discardableResult
    package func deleteStaffSession(idHash: [UInt8]) throws -> Bool {
        try execute("DELETE FROM staff_session WHERE id_hash = ?", [idHash])
        return changes == 1
    }

    /// Deletes the sessions past their absolute end or idle since before `idleSince`, and those of
    /// disabled members; returns how many.
    @discardableResult
    package func deleteEndedStaffSessions(now: Instant, idleSince: Instant) throws -> Int {
        try execute(
            """
            DELETE FROM staff_session WHERE expires_at <= ? OR seen_at < ?
                OR member IN (SELECT id FROM staff_member WHERE disabled_at IS NOT NULL)
            """, [now.secondsSinceEpoch, idleSince.secondsSinceEpoch])
        return changes
    }

    /// How many sessions are open (stored and not yet deleted).
    package func staffSessionCount() throws -> Int {
        try scalar("SELECT count(*) FROM staff_session", as: Int.self) ?? 0
    }
}
