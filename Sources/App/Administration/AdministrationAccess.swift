import Scheduling
import Storage

/// Who may read and change the configuration, in one place (Documentation/Administration.md,
/// "Who may change what"): administrators (an `admin` token or a person with the role) read and
/// change everything; an office manager (a person, or an `office-manager` token) reads the
/// console and changes only the offices they manage, never the parts that belong to no office
/// (services, groups, the town's settings). `ConfigurationDesk` tells `authorize` which offices a
/// document changes and whether it changes the town-wide parts.
enum AdministrationAccess {
    /// What the pipeline checks before an administration route's handler runs (who may read):
    /// office managers of some office; administrators always pass.
    static let route: Contract.Access = .staff([.officeManager], office: .any)

    /// The same for a route about the office in its path: office managers of that office.
    static let office: Contract.Access = .staff([.officeManager], office: .path)

    /// The audit log's: office managers of the office in `?office=`; without one, administrators
    /// only (the handler asks `requireOfficeUnlessAdministrator`).
    static let log: Contract.Access = .staff([.officeManager], office: .query)

    /// Refuses (403) a caller other than an administrator who names no office.
    static func requireOfficeUnlessAdministrator(_ caller: Caller, office: OfficeID?) throws(APIProblem) {
        guard office == nil, !caller.isAdministrator else { return }
        throw .forbidden("Name the office (?office=…): only administrators see the whole town's entries.")
    }

    /// Refuses `caller` (403) unless it may change `offices` and, when `townWide`, the parts of the
    /// configuration that belong to no office.
    static func authorize(_ caller: Caller, offices: [OfficeID], townWide: Bool) throws(APIProblem) {
        if townWide {
            if caller.isStaff, !caller.isAdministrator {
                throw .forbidden(
                    "This change touches services, groups or the town's settings, which only administrators change.")
            }
            try Pipeline.requireStaff(caller, roles: [.admin], office: nil)
            return
        }
        if offices.isEmpty { try Pipeline.requireStaff(caller, roles: [.officeManager], office: nil) }
        for office in offices {
            try Pipeline.requireStaff(caller, roles: [.officeManager], office: office)
        }
    }

    /// Whether `caller` may change the parts of the configuration that belong to no office.
    static func changesTownWide(_ caller: Caller) -> Bool {
        caller.isAdministrator
    }

    /// The offices of `municipality` whose configuration `caller` may change.
    static func offices(_ caller: Caller, of municipality: Municipality) -> [Office] {
        municipality.offices.filter { caller.holds([.officeManager], office: $0.id) }
    }
}
