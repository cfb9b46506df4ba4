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
    /// refuses a citizen (401) and a token of another role or office (403).
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
            }
            _ = try requireStaff(caller, roles: roles, office: office)
        case .bookingHolder:
            if case .citizen(nil) = caller {
                throw .unauthorized(
                    "Show the booking's token (Authorization: Bearer …, or ?token= from the confirmation link).")
            }
            if let staff = caller.staff {
                let office = RecordID.office(of: request.parameters["booking"] ?? "")
                _ = try requireStaff(caller, roles: [.hotline, .counter], office: staff.office == nil ? nil : office)
            }
        }
    }

    /// The caller's staff token, if it has one of `roles` (or is an admin's) and covers `office`
    /// (nil: any office).
    static func requireStaff(_ caller: Caller, roles: [StaffRole], office: OfficeID?) throws(APIProblem) -> StaffToken {
        guard let token = caller.staff else {
            throw .unauthorized("This needs a staff token (Authorization: Bearer rst_…).")
        }
        guard roles.contains(token.role) || token.role == .admin else {
            throw .forbidden("A \(token.role.rawValue) token may not do this.")
        }
        if let office, !token.covers(office) {
            throw .forbidden("This token is for office \(token.office?.rawValue ?? "")")
        }
        return token
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
