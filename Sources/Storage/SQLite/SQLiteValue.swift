/// One SQLite value in one of its five storage classes (sqlite.org/datatype3.html).
///
/// Its `description` shows the storage class and the size, never the content, so that a value
/// printed by mistake does not put personal data into a log.
package enum SQLiteValue: Hashable, Sendable {
    /// NULL.
    case null
    /// A signed 64-bit integer.
    case integer(Int64)
    /// An IEEE 754 double. SQLite stores NaN as NULL (sqlite.org/c3ref/bind_blob.html).
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case blob([UInt8])
}

extension SQLiteValue: CustomStringConvertible, CustomDebugStringConvertible {
    /// The storage class and size, never the content: `text(6 bytes)`, `integer`, `null`.
    package var description: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text(let text): "text(\(text.utf8.count) bytes)"
        case .blob(let bytes): "blob(\(bytes.count) bytes)"
        }
    }

    /// Same as `description`: no content.
    package var debugDescription: String { description }
}

extension SQLiteValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral
{
    /// `nil` is `.null`.
    package init(nilLiteral: ()) {
        self = .null
    }

    /// An integer literal is `.integer`.
    package init(integerLiteral value: Int64) {
        self = .integer(value)
    }

    /// A floating-point literal is `.real`.
    package init(floatLiteral value: Double) {
        self = .real(value)
    }

    /// A string literal is `.text`.
    package init(stringLiteral value: String) {
        self = .text(value)
    }

    /// `true` and `false` are the integers 1 and 0, as SQLite stores booleans
    /// (sqlite.org/datatype3.html#boolean_datatype).
    package init(booleanLiteral value: Bool) {
        self = .integer(value ? 1 : 0)
    }
}
