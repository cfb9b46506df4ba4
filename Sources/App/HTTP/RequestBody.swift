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
        guard Self.isJSON(request) else {
            errors.append(
                .init(field: "", message: "send the body as application/json, in UTF-8 (charset=utf-8 or none)"))
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

    /// Whether `request` has one `Content-Type`, and it is `application/json` or
    /// `application/…+json` with no parameter but, at most, `charset=utf-8` (RFC 8259 §8.1: JSON
    /// between systems is UTF-8).
    static func isJSON(_ request: HTTPRequest) -> Bool {
        let fields = request.headers.values(for: "Content-Type")
        guard fields.count == 1, let media = MediaType(fields[0]), media.type == "application",
            media.subtype == "json" || (media.subtype.hasSuffix("+json") && media.subtype.count > 5)
        else { return false }
        return media.parameters.count <= 1
            && media.parameters.allSatisfy { $0.name == "charset" && $0.value.lowercased() == "utf-8" }
    }

    /// Refuses the body of a request that takes none with a validation problem: only an empty
    /// body, whitespace or an empty JSON object (`{}` as application/json) pass.
    package static func requireNone(_ request: HTTPRequest) throws(APIProblem) {
        guard !request.body.isEmpty else { return }
        let blank = request.body.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): true
            default: false
            }
        }
        guard !blank else { return }
        if isJSON(request), case .object(let members)? = try? JSONValue.parse(request.body), members.isEmpty {
            return
        }
        throw .validation([
            .init(field: "", message: "this request takes no body: send none, or {} as application/json")
        ])
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
        var language = Language.german
        if let reader = object.optional("language") {
            guard let chosen = Language(rawValue: try reader.string()) else { throw reader.fail("de or en") }
            language = chosen
        }
        try object.finish()
        if requireReachable, email == nil, phone == nil {
            throw JSONPathError(path: path, message: "give an e-mail address or a phone number")
        }
        return Contact(name: name, email: email, phone: phone, language: language)
    }
}
