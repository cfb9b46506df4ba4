package import HTTPServer
import Scheduling
import Storage

/// What a handler is given: the request (with its route parameters) and its caller, resolved and
/// checked against the route's access by the pipeline (a citizen without a token when the route
/// does not read the caller).
///
/// A class of constants: handlers, reads and commands capture it, and a reference costs one count
/// where a copy of the request's fields cost a dozen.
package final class RequestContext: Sendable {
    package let request: HTTPRequest
    package let caller: Caller
    /// Whether the route is a page: its problems are answered as a page, not as JSON.
    package let isPage: Bool

    package init(request: HTTPRequest, caller: Caller, isPage: Bool = false) {
        self.request = request
        self.caller = caller
        self.isPage = isPage
    }

    /// The route's `{name}` parameter (empty when missing).
    func parameter(_ name: String) -> String {
        request.parameters[name] ?? ""
    }

    var query: QueryParameters { request.query }

    /// A request header.
    func header(_ name: String) -> String? {
        request.headers[name]
    }

    /// The JSON body, read field by field.
    func body() -> RequestBody {
        RequestBody(request)
    }

    /// The staff token of a staff route's caller (the pipeline has checked it).
    var staff: StaffToken? { caller.staff }

    /// The signed-in staff member, when the caller is one.
    var person: StaffPerson? { caller.person }
}
