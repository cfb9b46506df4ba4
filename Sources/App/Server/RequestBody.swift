package import HTTPServer
package import Scheduling

/// Reads a JSON request body field by field, collecting every bad field so that one answer lists
/// them all (a validation problem with `errors`). Unknown fields are errors too.
package struct RequestBody {
    private var object: JSONObjectReader?
    private(set) var errors: [APIProblem.FieldError] = []

    /// Parses `request`'s body as a JSON object; a wrong content type, malformed JSON or a
    /// non-object is recorded as an error.
    package init(_ request: HTTPRequest) {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") || type.hasSuffix("+json") else {
            errors.append(.init(field: "", message: "send the body as application/json"))
            return
        }
        do {
            object = try JSONReader(try JSONValue.parse(request.body)).object()
        } catch let error as JSONSyntaxError {
            errors.append(.init(field: "", message: "malformed JSON: \(error)"))
        } catch let error as JSONPathError {
            errors.append(.init(field: error.path, message: error.message))
        } catch {
            errors.append(.init(field: "", message: "malformed JSON"))
        }
    }

    /// Reads a field with `read`; nil (and the error recorded) when it fails.
    package mutating func field<T>(_ name: String, required: Bool = true, _ read: (JSONReader) throws -> T) -> T? {
        guard var reader = object else { return nil }
        defer { object = reader }
        do {
            guard let value = reader.optional(name) else {
                if required { errors.append(.init(field: name, message: "is required")) }
                return nil
            }
            return try read(value)
        } catch let error as JSONPathError {
            errors.append(.init(field: error.path, message: error.message))
        } catch let error as APIProblem {
            errors.append(
                contentsOf: error.errors.isEmpty
                    ? [.init(field: name, message: error.detail ?? error.title)] : error.errors)
        } catch {
            errors.append(.init(field: name, message: "is not valid"))
        }
        return nil
    }

    package func has(_ name: String) -> Bool { object?.has(name) ?? false }

    /// Adds an error found by the caller.
    package mutating func fail(_ field: String, _ message: String) {
        errors.append(.init(field: field, message: message))
    }

    /// Throws a validation problem listing every bad and unknown field, if any.
    package func finish() throws(APIProblem) {
        var all = errors
        if let object {
            do {
                try object.finish()
            } catch {
                all.append(.init(field: error.path, message: error.message))
            }
        }
        if !all.isEmpty { throw APIProblem.validation(all) }
    }
}

extension JSONReader {
    /// A list of service ids.
    package func serviceIDs() throws(JSONPathError) -> [ServiceID] {
        let items = try array()
        guard !items.isEmpty else { throw fail("name at least one service") }
        var ids: [ServiceID] = []
        for item in items { ids.append(ServiceID(try item.string())) }
        return ids
    }

    /// An RFC 3339 timestamp.
    package func instant() throws(JSONPathError) -> Instant {
        let text = try string()
        guard let parsed = RFC3339.parse(text) else {
            throw fail("expected an RFC 3339 time such as 2026-12-01T09:00:00+01:00, got \"\(text)\"")
        }
        return parsed.instant
    }

    /// A contact: a name and at least one of e-mail and phone, checked by `Contact`'s rules
    /// (`Contact+Rules.swift`), which the booking form shares.
    package func contact(requireReachable: Bool) throws(JSONPathError) -> Contact {
        var object = try object()
        let nameReader = try object.required("name")
        let name = try nameReader.string().trimmingWhitespace
        switch Contact.nameIssue(name) {
        case .empty: throw nameReader.fail("must not be empty")
        case .tooLong: throw nameReader.fail("longer than \(Contact.maxNameLength) characters")
        case .invisibleCharacter: throw nameReader.fail("must not contain control or invisible characters")
        case .noLetter: throw nameReader.fail("must contain a letter")
        case nil: break
        }
        var email: String?
        if let reader = object.optional("email") {
            let text = try reader.string().trimmingWhitespace
            guard Contact.isEmail(text) else { throw reader.fail("not an e-mail address") }
            email = text
        }
        var phone: String?
        if let reader = object.optional("phone") {
            let text = try reader.string().trimmingWhitespace
            guard Contact.isPhone(text) else { throw reader.fail("not a phone number") }
            phone = text
        }
        try object.finish()
        if requireReachable, email == nil, phone == nil {
            throw JSONPathError(path: path, message: "give an e-mail address or a phone number")
        }
        return Contact(name: name, email: email, phone: phone)
    }
}
