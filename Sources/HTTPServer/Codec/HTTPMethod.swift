/// A request method (RFC 9110 §9). An open set: a struct with the methods the server recognises
/// as static constants; any other token is answered 501 by the server (RFC 9110 §9.1).
package struct HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    /// The method token as sent, e.g. `GET`; methods are case-sensitive.
    package let rawValue: String

    /// A method with the given token.
    package init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The method token.
    package var description: String { rawValue }

    /// `GET`.
    package static let get = HTTPMethod("GET")
    /// `HEAD`.
    package static let head = HTTPMethod("HEAD")
    /// `POST`.
    package static let post = HTTPMethod("POST")
    /// `PUT`.
    package static let put = HTTPMethod("PUT")
    /// `DELETE`.
    package static let delete = HTTPMethod("DELETE")
    /// `PATCH`.
    package static let patch = HTTPMethod("PATCH")
    /// `OPTIONS`.
    package static let options = HTTPMethod("OPTIONS")
    /// `TRACE`.
    package static let trace = HTTPMethod("TRACE")
    /// `CONNECT`.
    package static let connect = HTTPMethod("CONNECT")

    /// The recognised method spelled by `bytes`, without allocating; nil for anything else.
    static func recognised(_ bytes: UnsafeRawBufferPointer) -> HTTPMethod? {
        func equals(_ text: StaticString) -> Bool {
            guard text.utf8CodeUnitCount == bytes.count else { return false }
            let raw = UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            return raw.elementsEqual(bytes)
        }
        switch bytes.count {
        case 3:
            if equals("GET") { return .get }
            if equals("PUT") { return .put }
        case 4:
            if equals("POST") { return .post }
            if equals("HEAD") { return .head }
        case 5:
            if equals("PATCH") { return .patch }
            if equals("TRACE") { return .trace }
        case 6:
            if equals("DELETE") { return .delete }
        case 7:
            if equals("OPTIONS") { return .options }
            if equals("CONNECT") { return .connect }
        default:
            break
        }
        return nil
    }
}
