import Storage

/// A connection to a new database file `name` in `directory`, with the default configuration
/// unless changed by `adjust`.
func makeConnection(
    in directory: String,
    name: String = "test.sqlite",
    _ adjust: (inout SQLiteConnection.Configuration) -> Void = { _ in }
) throws -> SQLiteConnection {
    var configuration = SQLiteConnection.Configuration()
    adjust(&configuration)
    return try SQLiteConnection(path: directory + "/" + name, configuration: configuration)
}

/// The error `body` throws, as `E`; nil when it throws nothing or something else.
func thrownError<E: Error, T>(as type: E.Type, _ body: () throws -> T) -> E? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? E
    }
}
