/// A Swift type stored in one SQLite column: how it is bound to a `?` and how it is read back.
///
/// Reading is strict: an `Int` column value is not read as `String` or the other way round; only
/// an integer widens to `Double`. Reading NULL needs an `Optional`. Domain types (ids, instants)
/// conform in the module that defines them. In a binding list, NULL is `SQLiteValue.null` or a
/// nil optional: `[name, SQLiteValue.null, phone]` with `phone: String?`.
package protocol SQLiteValueConvertible {
    /// The value to bind.
    var sqliteValue: SQLiteValue { get }
    /// The Swift value for a stored value; nil when the stored value has another type (the
    /// reader then reports SQLITE_MISMATCH).
    init?(sqliteValue: SQLiteValue)
}

extension SQLiteValue: SQLiteValueConvertible {
    /// Itself.
    package var sqliteValue: SQLiteValue { self }

    /// Any value.
    package init?(sqliteValue: SQLiteValue) {
        self = sqliteValue
    }
}

extension Int64: SQLiteValueConvertible {
    /// `.integer`.
    package var sqliteValue: SQLiteValue { .integer(self) }

    /// From `.integer` only.
    package init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Int: SQLiteValueConvertible {
    /// `.integer`.
    package var sqliteValue: SQLiteValue { .integer(Int64(self)) }

    /// From `.integer` when it fits.
    package init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue, let int = Int(exactly: value) else { return nil }
        self = int
    }
}

extension Int32: SQLiteValueConvertible {
    /// `.integer`.
    package var sqliteValue: SQLiteValue { .integer(Int64(self)) }

    /// From `.integer` when it fits.
    package init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue, let int = Int32(exactly: value) else { return nil }
        self = int
    }
}

extension Double: SQLiteValueConvertible {
    /// `.real`.
    package var sqliteValue: SQLiteValue { .real(self) }

    /// From `.real`, or from `.integer` widened.
    package init?(sqliteValue: SQLiteValue) {
        switch sqliteValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension Bool: SQLiteValueConvertible {
    /// `.integer` 1 or 0.
    package var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }

    /// From `.integer`: zero is false, anything else true (as SQLite's own truth test).
    package init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value != 0
    }
}

extension String: SQLiteValueConvertible {
    /// `.text`.
    package var sqliteValue: SQLiteValue { .text(self) }

    /// From `.text` only.
    package init?(sqliteValue: SQLiteValue) {
        guard case .text(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Array: SQLiteValueConvertible where Element == UInt8 {
    /// `.blob`.
    package var sqliteValue: SQLiteValue { .blob(self) }

    /// From `.blob` only.
    package init?(sqliteValue: SQLiteValue) {
        guard case .blob(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
    /// The wrapped value's, or `.null`.
    package var sqliteValue: SQLiteValue {
        switch self {
        case .some(let value): value.sqliteValue
        case .none: .null
        }
    }

    /// `nil` from `.null`, else the wrapped type's reading.
    package init?(sqliteValue: SQLiteValue) {
        if case .null = sqliteValue {
            self = .none
            return
        }
        guard let value = Wrapped(sqliteValue: sqliteValue) else { return nil }
        self = .some(value)
    }
}
