import RathausTesting
import Scheduling
import Storage
import Testing

/// Staff members, their sessions and the audit trail as stored.
@Suite struct StaffMemberTests {
    let now = Instant(secondsSinceEpoch: 1_796_632_200)

    func withDatabase(_ body: (SQLiteConnection) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let connection = try makeConnection(in: directory.path)
            try RathausSchema.migrator.migrate(connection)
            try body(connection)
        }
    }

    func session(_ id: String, member: String, seenAt: Instant? = nil, hours: Int = 12) -> StaffSession {
        StaffSession(
            idHash: Secrets.hash(token: id), member: member, method: .password, createdAt: now, seenAt: seenAt ?? now,
            expiresAt: now.adding(seconds: hours * 3600))
    }

    @Test func aLocalAccountIsFoundByItsLoginInAnyCaseAndALoginIsTakenOnce() throws {
        try withDatabase { connection in
            let member = try connection.insertLocalStaffMember(
                login: "Erika", name: "Erika Mustermann", roles: "counter:rathaus", passwordHash: "x", now: now)
            #expect(member.login == "erika")
            #expect(try connection.staffMember(login: "ERIKA")?.id == member.id)
            #expect(throws: StaffMemberError.loginTaken("erika")) {
                try connection.insertLocalStaffMember(
                    login: "erika", name: "Other", roles: "hotline", passwordHash: "y", now: now)
            }
            #expect(String(describing: member) == "StaffMember(\(member.id), erika)", "no hash, no name")
        }
    }

    @Test func aProviderPersonIsStoredOnceAndTakesNameAndRolesFromEachSignIn() throws {
        try withDatabase { connection in
            let first = try connection.signedInProviderMember(
                issuer: "https://login.example.de/realms/stadt", subject: "f81d4fae", name: "Erika Mustermann",
                roles: "counter:rathaus", now: now)
            let later = try connection.signedInProviderMember(
                issuer: "https://login.example.de/realms/stadt", subject: "f81d4fae", name: "Erika Musterfrau",
                roles: "office-manager:rathaus", now: now.adding(seconds: 60))
            #expect(later.id == first.id)
            #expect(later.name == "Erika Musterfrau")
            #expect(later.roles == "office-manager:rathaus")
            #expect(later.signedInAt == now.adding(seconds: 60))
            let other = try connection.signedInProviderMember(
                issuer: "https://other.example.de", subject: "f81d4fae", name: "Someone", roles: "hotline", now: now)
            #expect(other.id != first.id, "a subject is unique per issuer only")
            #expect(try connection.staffMembers().count == 2)
            #expect(try connection.staffMember(login: "f81d4fae") == nil)
        }
    }

    @Test func aSessionIsStoredOnlyAsTheHashOfItsIdAndFoundWithItsMember() throws {
        try withDatabase { connection in
            let member = try connection.insertLocalStaffMember(
                login: "erika", name: "Erika Mustermann", roles: "counter:rathaus", passwordHash: "x", now: now)
            let id = Secrets.token()
            try connection.insertStaffSession(session(id, member: member.id))
            let stored = try connection.query("SELECT * FROM staff_session")
            #expect(!String(describing: stored).contains(id))
            let found = try #require(try connection.staffSession(idHash: Secrets.hash(token: id)))
            #expect(found.member.name == "Erika Mustermann")
            #expect(found.session.expiresAt == now.adding(seconds: 12 * 3600))
            #expect(try connection.staffSession(idHash: Secrets.hash(token: Secrets.token())) == nil)
        }
    }

    @Test func disablingAMemberEndsItsSessionsAtOnceAndEnablingLetsItSignInAgain() throws {
        try withDatabase { connection in
            let member = try connection.insertLocalStaffMember(
                login: "erika", name: "Erika", roles: "hotline", passwordHash: "x", now: now)
            try connection.insertStaffSession(session("a", member: member.id))
            try connection.insertStaffSession(session("b", member: member.id))
            #expect(try connection.disableStaffMember(id: member.id, now: now))
            #expect(try connection.staffSessionCount() == 0)
            #expect(try connection.staffMember(id: member.id)?.isActive == false)
            #expect(try !connection.disableStaffMember(id: member.id, now: now), "already disabled")
            #expect(try connection.enableStaffMember(id: member.id))
            #expect(try connection.staffMember(id: member.id)?.isActive == true)
        }
    }

    @Test func endedSessionsAreDeleted() throws {
        try withDatabase { connection in
            let member = try connection.insertLocalStaffMember(
                login: "erika", name: "Erika", roles: "hotline", passwordHash: "x", now: now)
            try connection.insertStaffSession(session("fresh", member: member.id))
            try connection.insertStaffSession(session("idle", member: member.id, seenAt: now.adding(seconds: -3601)))
            try connection.insertStaffSession(session("old", member: member.id, hours: 0))
            let deleted = try connection.deleteEndedStaffSessions(now: now, idleSince: now.adding(seconds: -3600))
            #expect(deleted == 2)
            #expect(try connection.staffSession(idHash: Secrets.hash(token: "fresh")) != nil)
        }
    }

    @Test func auditEntriesAreReadPerOfficeNewestFirstAndDeletedAfterTheirDays() throws {
        try withDatabase { connection in
            let erika = StaffActor(id: "m1", role: "person", name: "Erika Mustermann")
            try connection.insertAudit(at: now, actor: erika, action: "call-next", office: "rathaus", target: "A001")
            try connection.insertAudit(
                at: now.adding(seconds: 60), actor: erika, action: "finish", office: "rathaus", target: "A001")
            try connection.insertAudit(at: now, actor: erika, action: "call-next", office: "nord", target: "B001")
            try connection.insertAudit(
                at: now, actor: erika, action: "sign-in", office: nil, target: nil, detail: "local account")
            let day = (now.adding(seconds: -3600), now.adding(seconds: 3600))
            let rathaus = try connection.auditEntries(office: "rathaus", from: day.0, to: day.1, limit: 10)
            #expect(rathaus.map(\.action) == ["finish", "call-next"])
            #expect(rathaus.first?.actorName == "Erika Mustermann")
            #expect(try connection.auditEntries(office: nil, from: day.0, to: day.1, limit: 10).count == 4)
            #expect(try connection.auditEntries(office: "rathaus", from: day.0, to: day.1, limit: 1).count == 1)
            #expect(try connection.deleteAudit(before: now.adding(seconds: 1)) == 3)
            #expect(
                try connection.auditEntries(office: nil, from: day.0, to: day.1, limit: 10).map(\.action) == ["finish"])
        }
    }

    @Test func officeManagersMayHoldTokensForIntegrations() throws {
        try withDatabase { connection in
            let made = try connection.createStaffToken(role: .officeManager, office: "rathaus", name: "BI", now: now)
            #expect(try connection.staffToken(secret: made.token)?.role == .officeManager)
            #expect(StaffRole.officeManager.rawValue == "office-manager")
        }
    }
}
