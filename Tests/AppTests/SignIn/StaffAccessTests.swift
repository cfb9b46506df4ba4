import Scheduling
import Testing

@testable import App

@Suite struct StaffAccessTests {
    func access(_ json: String, prefix: String = "") throws -> StaffAccess {
        StaffAccess(claim: try JSONValue.parse(json), prefix: prefix)
    }

    @Test func rolesAndOfficesAreReadFromAnArray() throws {
        let access = try access(#"["office-manager:rathaus", "counter:nord", "counter:sued", "hotline"]"#)
        #expect(access.roles[.officeManager] == .offices(["rathaus"]))
        #expect(access.roles[.counterStaff] == .offices(["nord", "sued"]))
        #expect(access.roles[.hotline] == .all)
        #expect(access.roles[.administrator] == nil)
        #expect(access.has(.counterStaff, office: "sued"))
        #expect(!access.has(.officeManager, office: "nord"))
        #expect(access.has(.hotline, office: "irgendwo"))
        #expect(access.ignoredValues == 0)
    }

    @Test func aSpaceSeparatedStringIsReadToo() throws {
        let access = try access(#""admin kiosk:nord""#)
        #expect(access.has(.administrator, office: "nord"))
        #expect(access.roles[.kioskDevice] == .offices(["nord"]))
    }

    @Test func aStarGivesAnOfficeRoleInEveryOfficeExceptForKiosks() throws {
        let access = try access(#"["counter:*", "counter:nord", "kiosk:*"]"#)
        #expect(access.roles[.counterStaff] == .all)
        #expect(access.roles[.kioskDevice] == nil)
        #expect(access.ignoredValues == 1)
    }

    @Test func valuesThatDoNotFitGrantNothing() throws {
        let access = try access(
            #"["counter", "hotline:nord", "admin:nord", "Counter:nord", "counter:", "counter:a:b", "counter: nord", "vpn-users", "/counter:nord", 7, "office-manager"]"#
        )
        #expect(access.isEmpty)
        #expect(access.ignoredValues == 11)
    }

    @Test func aPrefixSelectsTheValuesMeantForRathaus() throws {
        let access = try access(#"["rathaus-counter:nord", "counter:sued", "rathaus-admin"]"#, prefix: "rathaus-")
        #expect(access.has(.counterStaff, office: "nord"))
        #expect(!access.has(.counterStaff, office: "sued"))
        #expect(access.has(.administrator))
        #expect(access.ignoredValues == 1)
    }

    @Test func aMissingOrOddClaimGrantsNothing() throws {
        #expect(StaffAccess(claim: nil).isEmpty)
        #expect(try access("null").isEmpty)
        #expect(try access(#"{"counter": "nord"}"#).isEmpty)
        #expect(try access(#"{"counter": "nord"}"#).ignoredValues == 1)
    }

    @Test func everyRoleHasItsClaimName() throws {
        let access = try access(#"["administrator", "office-manager:a", "counter:a", "hotline", "kiosk:a"]"#)
        #expect(Set(access.roles.keys) == Set(StaffAccess.Role.allCases))
        #expect(
            StaffAccess.Role.allCases.map(\.claimName) == ["admin", "office-manager", "counter", "hotline", "kiosk"])
    }
}
