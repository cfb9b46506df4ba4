package import Scheduling

extension StaffAccess {
    /// Roles and offices read from claim text as it is stored or typed (`counter:rathaus
    /// hotline`); nil when a value does not fit or no role is named, so that a typing mistake is
    /// refused instead of granting less than meant.
    package init?(roles text: String) {
        let access = StaffAccess(claim: .string(text))
        guard access.ignoredValues == 0, !access.isEmpty else { return nil }
        self = access
    }

    /// The roles as claim text, in a fixed order (`admin office-manager:nord counter:rathaus
    /// hotline`): how they are stored with a staff member.
    package var claimText: String {
        var values: [String] = []
        for role in Role.allCases {
            switch roles[role] {
            case nil: continue
            case .all?: values.append(role.isPerOffice ? role.claimName + ":*" : role.claimName)
            case .offices(let offices)?:
                values += offices.map { role.claimName + ":" + $0.rawValue }.sorted()
            }
        }
        return values.joined(separator: " ")
    }

    /// The roles in words for a staff member's pages, German as they are (`Sachbearbeitung:
    /// Bürgerbüro im Rathaus`); `officeName` names an office by its id.
    package func descriptions(officeName: (OfficeID) -> String) -> [String] {
        Role.allCases.compactMap { role in
            guard let scope = roles[role] else { return nil }
            let title: String
            switch role {
            case .administrator: title = "Administration"
            case .officeManager: title = "Amtsleitung"
            case .counterStaff: title = "Sachbearbeitung"
            case .hotline: title = "Hotline"
            case .kioskDevice: title = "Kiosk"
            }
            switch scope {
            case .all: return role.isPerOffice ? title + ": alle Standorte" : title
            case .offices(let offices):
                return title + ": "
                    + offices.sorted { $0.rawValue < $1.rawValue }.map(officeName).joined(separator: ", ")
            }
        }
    }

    /// The offices (of `all`) in which the role is held.
    package func offices(_ role: Role, of all: [OfficeID]) -> [OfficeID] {
        if has(.administrator) { return all }
        return all.filter { has(role, office: $0) }
    }
}
