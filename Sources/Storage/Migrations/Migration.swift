/// One numbered step of a database schema: SQL or Swift code that takes the schema from version
/// `version - 1` to `version`.
///
/// Steps are append-only: a released step is never edited, renumbered or removed, because
/// databases in the field have recorded it as applied. A later change is a new step.
package struct Migration: Sendable {
    /// The schema version after this step; the steps of a schema are numbered 1, 2, 3, …
    package let version: Int
    /// A short name, recorded with the version (e.g. "create booking").
    package let name: String
    let apply: @Sendable (SQLiteConnection) throws -> Void

    /// A step that runs an SQL script (several statements, no bindings).
    package init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.apply = { connection in try connection.executeScript(sql) }
    }

    /// A step that runs Swift code on the connection, e.g. to fill a new column from old ones.
    /// It runs inside the step's transaction: it must not open or end transactions itself.
    package init(version: Int, name: String, apply: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}
