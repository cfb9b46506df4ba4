package import Scheduling
package import Storage

/// Who is asking: a citizen (no staff token; maybe a booking's token), a device or integration
/// with a staff token, or a staff member signed in with a session.
package enum Caller: Sendable {
    case citizen(bookingToken: String?)
    case staff(StaffToken)
    case person(StaffPerson)

    /// The booking channel of the caller where no office is known yet (no token: online): a
    /// token's role's; a person's hotline role first, else counter staff's where they have a
    /// role that books (Documentation/SignIn.md, "Roles").
    package var channel: Channel {
        switch self {
        case .citizen: return .online
        case .staff(let token): return token.role.channel
        case .person(let person):
            if person.isAdministrator { return .counter }
            if person.holds(.hotline, office: nil) { return .hotline }
            if person.holds(.counter, office: nil) || person.holds(.officeManager, office: nil) { return .counter }
            return .online
        }
    }

    /// The booking channel at `office`: a person books on the counter contingent where they are
    /// counter staff or office manager, on the hotline's elsewhere when they are hotline staff,
    /// and as the public does where they have no role.
    package func channel(at office: OfficeID) -> Channel {
        guard case .person(let person) = self else { return channel }
        if person.holds(.counter, office: office) || person.holds(.officeManager, office: office) { return .counter }
        if person.holds(.hotline, office: office) { return .hotline }
        return .online
    }

    /// The namespace of its idempotency keys.
    package var scope: String {
        switch self {
        case .citizen: "public"
        case .staff(let token): "staff:" + token.id
        case .person(let person): "person:" + person.id
        }
    }

    /// Who the audit trail names for what the caller does.
    package var actor: StaffActor? {
        switch self {
        case .citizen: nil
        case .staff(let token): StaffActor(id: token.id, role: token.role.rawValue, name: token.name)
        case .person(let person): StaffActor(id: person.id, role: "person", name: person.name)
        }
    }

    /// The staff token, when the caller brought one.
    package var staff: StaffToken? {
        if case .staff(let token) = self { return token }
        return nil
    }

    /// The signed-in staff member, when the caller is one.
    package var person: StaffPerson? {
        if case .person(let person) = self { return person }
        return nil
    }

    /// Whether the caller is staff: a staff token or a signed-in staff member.
    package var isStaff: Bool {
        if case .citizen = self { return false }
        return true
    }

    /// Whether the caller is an administrator (an admin token or a person with the role).
    package var isAdministrator: Bool {
        switch self {
        case .citizen: false
        case .staff(let token): token.role == .admin
        case .person(let person): person.isAdministrator
        }
    }

    /// Whether the caller holds one of `roles` (or is an administrator) for `office` (nil: for
    /// some office); a citizen never does.
    package func holds(_ roles: [StaffRole], office: OfficeID?) -> Bool {
        switch self {
        case .citizen:
            return false
        case .staff(let token):
            guard roles.contains(token.role) || token.role == .admin else { return false }
            return office.map { token.covers($0) } ?? true
        case .person(let person):
            return roles.contains { person.holds($0, office: office) }
        }
    }

    package var bookingToken: String? {
        if case .citizen(let token) = self { return token }
        return nil
    }
}
