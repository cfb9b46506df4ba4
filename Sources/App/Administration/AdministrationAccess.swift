import Scheduling
import Storage

/// Who may read and change the configuration, in one place (Documentation/Administration.md,
/// "Who may change what"). Today: a staff token of role `admin`, for every office and the
/// town-wide parts alike. Once staff sign in as persons, the rule becomes "an office manager of
/// every office a change touches; services, groups and the town's own settings only for
/// administrators": `ConfigurationDesk` tells `authorize` which offices a document changes and
/// whether it changes the town-wide parts, so only this file changes.
enum AdministrationAccess {
    /// What the pipeline checks before any administration route's handler runs (who may read).
    static let route: Contract.Access = .staff([.admin], office: .any)

    /// Refuses `caller` (403) unless it may change `offices` and, when `townWide`, the parts of the
    /// configuration that belong to no office.
    static func authorize(_ caller: Caller, offices: [OfficeID], townWide: Bool) throws(APIProblem) {
        _ = try Pipeline.requireStaff(caller, roles: [.admin], office: nil)
    }
}
