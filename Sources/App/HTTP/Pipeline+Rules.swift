import HTTPServer
package import Scheduling
import Storage

extension Pipeline {
    /// The strict rules of `/v1`: a staff token in the query is refused first, as unauthorized
    /// (staff secrets never belong in a URL); then each query parameter the route does not read
    /// (the first ten are named), each one given twice that is not repeatable, and a body where
    /// the route reads none (but whitespace or `{}`), with one validation problem.
    static func checkRules(_ endpoint: Endpoint, _ request: HTTPRequest) throws(APIProblem) {
        if CallerResolver.hasStaffTokenInQuery(request) { throw CallerResolver.staffTokenInQuery }
        let contract = endpoint.contract
        if !request.query.isEmpty {
            let misfits = request.query.misfits(known: endpoint.queryNames, repeatable: endpoint.repeatableNames)
            if !misfits.unknown.isEmpty || !misfits.repeated.isEmpty {
                let known = endpoint.queryNames
                let expected = known.isEmpty ? "this route takes none" : "it takes " + known.joined(separator: ", ")
                throw .validation(
                    misfits.unknown.map { .init(field: $0, message: "unknown query parameter; \(expected)") }
                        + misfits.repeated.map { .init(field: $0, message: "given more than once; give it once") })
            }
        }
        if contract.body == .none { try RequestBody.requireNone(request) }
    }

    /// Checks the caller against the route's access before anything is looked up: a staff route
    /// refuses a citizen (401) and a token or person without one of its roles for the office it
    /// names (403). Tokens and signed-in persons pass the same checks.
    static func checkAccess(_ access: Contract.Access, caller: Caller, request: HTTPRequest) throws(APIProblem) {
        switch access {
        case .open, .caller:
            return
        case .staff(let roles, let scope):
            let office: OfficeID?
            switch scope {
            case .any: office = nil
            case .path: office = OfficeID(request.parameters["office"] ?? "")
            case .ticket: office = TicketID(request.parameters["ticket"] ?? "").office
            case .query: office = request.query["office"].map { OfficeID($0) }
            }
            try requireStaff(caller, roles: roles, office: office)
        case .bookingHolder:
            if case .citizen(nil) = caller {
                throw .unauthorized(
                    "Show the booking's token (Authorization: Bearer …, or ?token= from the confirmation link).")
            }
            guard caller.isStaff else { return }
            let office = RecordID.office(of: request.parameters["booking"] ?? "")
            // A town-wide token is checked against the booking's office once it is found.
            let townWide = caller.staff.map { $0.office == nil } ?? false
            try requireStaff(caller, roles: [.hotline, .counter], office: townWide ? nil : office)
        }
    }

    /// Refuses a caller that does not hold one of `roles` (an administrator holds all) for
    /// `office` (nil: for some office): a citizen with 401, staff with 403.
    static func requireStaff(_ caller: Caller, roles: [StaffRole], office: OfficeID?) throws(APIProblem) {
        switch caller {
        case .citizen:
            throw .unauthorized(
                "This needs a staff token (Authorization: Bearer rst_…) or a staff member signed in at /staff/sign-in"
                    + " (a change with the session's cookie also needs its X-CSRF-Token).")
        case .staff(let token):
            guard roles.contains(token.role) || token.role == .admin else {
                throw .forbidden("A \(token.role.rawValue) token may not do this.")
            }
            if let office, !token.covers(office) {
                throw .forbidden("This token is for office \(token.office?.rawValue ?? "")")
            }
        case .person:
            guard caller.holds(roles, office: office) else {
                let needed = roles.map(\.rawValue).joined(separator: " or ")
                throw .forbidden(
                    "This needs the role \(needed)" + (office.map { " for office \($0)" } ?? "")
                        + "; your account does not have it.")
            }
        }
    }
}

extension TicketID {
    /// The office a ticket id names (`rathaus-2026-12-07-A017` → `rathaus`), if it has the form.
    package var office: OfficeID? {
        let parts = rawValue.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 5 else { return nil }
        return OfficeID(parts.dropLast(4).joined(separator: "-"))
    }
}
