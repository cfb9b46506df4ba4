package import Scheduling
package import Storage

/// A staff member signed in with a session (Documentation/SignIn.md): who they are, for the audit
/// trail, and their roles per office, which the pipeline checks against every route's access.
package struct StaffPerson: Sendable {
    /// The staff member's id (`StaffMember.id`).
    package var id: String
    /// The display name, kept with every audit entry.
    package var name: String
    /// Roles per office.
    package var access: StaffAccess
    /// How they signed in.
    package var method: StaffSession.Method
    /// The hash of the session id: what the session's form token is bound to.
    package var sessionHash: [UInt8]

    package init(id: String, name: String, access: StaffAccess, method: StaffSession.Method, sessionHash: [UInt8]) {
        self.id = id
        self.name = name
        self.access = access
        self.method = method
        self.sessionHash = sessionHash
    }

    /// Whether they hold `role` for `office` (nil: for any office); an administrator holds every
    /// role everywhere.
    package func holds(_ role: StaffRole, office: OfficeID?) -> Bool {
        access.has(.administrator) || access.has(StaffAccess.Role(role), office: office)
    }

    /// Whether they are an administrator.
    package var isAdministrator: Bool { access.has(.administrator) }
}

extension StaffAccess.Role {
    /// The role of a person that a route's `StaffRole` names.
    package init(_ role: StaffRole) {
        switch role {
        case .admin: self = .administrator
        case .officeManager: self = .officeManager
        case .counter: self = .counterStaff
        case .hotline: self = .hotline
        case .kiosk: self = .kioskDevice
        }
    }
}
