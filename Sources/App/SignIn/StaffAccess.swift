package import Scheduling

/// The offices a role is held for.
package enum OfficeScope: Equatable, Sendable {
    /// Every office of the town (administrator, hotline, or `office-manager:*`).
    case all
    /// The named offices.
    case offices(Set<OfficeID>)

    /// Whether `office` is in the scope.
    package func contains(_ office: OfficeID) -> Bool {
        switch self {
        case .all: true
        case .offices(let offices): offices.contains(office)
        }
    }
}

/// The roles and offices of a staff member, read from the configured claim of the ID token.
///
/// The claim is an array of strings or one string of space-separated values (as `groups` and
/// `roles` claims come from Keycloak, ADFS and Azure AD). Each value is `<role>` or
/// `<role>:<office>`:
///
/// | value | role |
/// |---|---|
/// | `admin` or `administrator` | administrator, all offices |
/// | `hotline` | hotline, all offices |
/// | `office-manager:<office>` | office manager of that office (`*`: of all offices) |
/// | `counter:<office>` | counter staff of that office (`*`: of all offices) |
/// | `kiosk:<office>` | kiosk device of that office |
///
/// Matching is exact and case-sensitive. Values that do not fit (other groups, a per-office role
/// without an office, an office on a town-wide role) are counted in `ignoredValues` and give
/// nothing: a misspelt group grants no access. Whether a named office exists is for the caller.
package struct StaffAccess: Equatable, Sendable {
    /// A role a staff member may hold. (Storage's `StaffRole` names the roles of device and
    /// integration tokens; these are the roles of persons, office manager included.)
    package enum Role: String, CaseIterable, Sendable {
        /// Town IT: everything, in every office.
        case administrator
        /// Amtsleitung, Teamleitung: their offices' configuration and statistics.
        case officeManager
        /// Sachbearbeitung: their office's queue.
        case counterStaff
        /// Booking for callers, in every office.
        case hotline
        /// A kiosk device of an office.
        case kioskDevice

        /// The word for the role in a role claim (`office-manager:nord`).
        package var claimName: String {
            switch self {
            case .administrator: "admin"
            case .officeManager: "office-manager"
            case .counterStaff: "counter"
            case .hotline: "hotline"
            case .kioskDevice: "kiosk"
            }
        }

        /// Whether the role is held per office (and so needs an office in the claim).
        package var isPerOffice: Bool {
            switch self {
            case .administrator, .hotline: false
            case .officeManager, .counterStaff, .kioskDevice: true
            }
        }
    }

    /// The roles held and for which offices.
    package private(set) var roles: [Role: OfficeScope] = [:]
    /// How many claim values were not understood (the values themselves are not kept).
    package private(set) var ignoredValues = 0

    /// No roles at all.
    package init() {}

    /// The roles of the demo town's account `leitung`, made at the demo's first start: office
    /// manager and counter staff of every office, and hotline (Documentation/SignIn.md).
    package static let demoAccountRoles = "office-manager:* counter:* hotline"

    /// Reads `claim` (nil when the token lacks it), taking only values beginning with `prefix`
    /// and reading them without it.
    package init(claim: JSONValue?, prefix: String = "") {
        let values: [String]
        switch claim {
        case .string(let text)?: values = text.split(separator: " ").map(String.init)
        case .array(let items)?:
            values = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
            ignoredValues += items.count - values.count
        case nil, .null?: values = []
        default:
            values = []
            ignoredValues += 1
        }
        for value in values {
            guard value.hasPrefix(prefix), let (role, office) = StaffAccess.parse(value.dropFirst(prefix.count)) else {
                ignoredValues += 1
                continue
            }
            grant(role, office: office)
        }
    }

    /// Whether the roles include `role` for `office` (for a town-wide role, any office or none).
    package func has(_ role: Role, office: OfficeID? = nil) -> Bool {
        guard let scope = roles[role] else { return false }
        guard let office else { return true }
        return scope.contains(office)
    }

    /// Whether no role was granted.
    package var isEmpty: Bool { roles.isEmpty }

    /// Adds `role` for `office` (nil: all offices).
    package mutating func grant(_ role: Role, office: OfficeID?) {
        guard let office else {
            roles[role] = .all
            return
        }
        switch roles[role] {
        case .all?: break
        case .offices(let offices)?: roles[role] = .offices(offices.union([office]))
        case nil: roles[role] = .offices([office])
        }
    }

    /// `(role, office)` for one claim value, office nil for all offices; nil when it does not fit.
    private static func parse(_ value: Substring) -> (Role, OfficeID?)? {
        let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0]
        let role: Role
        if name == "administrator" {
            role = .administrator
        } else if let found = Role.allCases.first(where: { $0.claimName == name }) {
            role = found
        } else {
            return nil
        }
        guard parts.count == 2 else { return role.isPerOffice ? nil : (role, nil) }
        guard role.isPerOffice else { return nil }
        let office = parts[1]
        if office == "*", role != .kioskDevice { return (role, nil) }
        guard !office.isEmpty, office.utf8.count <= 64,
            office.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: "*") })
        else { return nil }
        return (role, OfficeID(String(office)))
    }
}
