import HTTPServer

extension RathausAPI.Route {
    /// The route's handler over `api`. A strict route (`/v1`) first refuses, with a validation
    /// problem and before it reads or changes anything, a query parameter it does not read, one
    /// given twice that it takes once, and a body where it reads none; a staff token in the
    /// query is refused first, as unauthorized, also where `token` is not a parameter.
    func handler(for api: RathausAPI) -> APIHandler {
        let handler = make(api)
        guard isStrict else { return handler }
        let known = query
        let repeatable = repeatable
        let readsBody = readsBody
        return { request, reply in
            do throws(APIProblem) {
                if CallerResolver.hasStaffTokenInQuery(request) { throw CallerResolver.staffTokenInQuery }
                try Self.refuseMisfits(request.query, known: known, repeatable: repeatable)
                if !readsBody { try RequestBody.requireNone(request) }
            } catch {
                reply(.problem(error))
                return
            }
            handler(request, reply)
        }
    }

    /// Throws a validation problem naming each query parameter not in `known` (the first ten) and
    /// each one of `known` given more than once that is not `repeatable`.
    static func refuseMisfits(_ query: QueryParameters, known: [String], repeatable: [String]) throws(APIProblem) {
        guard !query.isEmpty else { return }
        let misfits = query.misfits(known: known, repeatable: repeatable)
        guard !misfits.unknown.isEmpty || !misfits.repeated.isEmpty else { return }
        let expected = known.isEmpty ? "this route takes none" : "it takes " + known.joined(separator: ", ")
        throw .validation(
            misfits.unknown.map { .init(field: $0, message: "unknown query parameter; \(expected)") }
                + misfits.repeated.map { .init(field: $0, message: "given more than once; give it once") })
    }
}
