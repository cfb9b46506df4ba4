internal import CSQLite

/// Changes to the stored text of table definitions that ALTER TABLE cannot make, such as the text
/// of a CHECK constraint, by the procedure of sqlite.org/lang_altertable.html#otheralter
/// ("Making Other Kinds Of Table Schema Changes"): inside the caller's transaction, the
/// definitions in `sqlite_schema` are rewritten with `PRAGMA writable_schema`, the schema version
/// is raised so that every connection reads the schema again, and `PRAGMA integrity_check` proves
/// the result. SQLite allows this for a CHECK constraint as long as every stored row satisfies
/// the new one; the rows, their pages and the indexes stay as they are.
extension SQLiteConnection {
    /// One change to a table's stored definition (its `CREATE TABLE` text): `old`, which must occur
    /// in it exactly once, becomes `new`.
    struct TableDefinitionEdit: Sendable, Equatable {
        var table: String
        var old: String
        var new: String
    }

    /// Applies `edits` (in order; several may change one table) to the stored table definitions,
    /// inside the open transaction, and checks the file. Defensive mode, which forbids writing the
    /// schema table, is lifted for the rewrite alone and restored before this returns or throws.
    ///
    /// Throws SQLITE_MISUSE outside a transaction, and changes nothing when a table is missing or
    /// an edit's `old` does not occur exactly once in its definition. Throws SQLITE_CORRUPT when
    /// the integrity check finds a problem afterwards (a row that breaks a rewritten CHECK, a
    /// definition that does not parse); the caller's rollback then restores the old definitions.
    func editTableDefinitions(_ edits: [TableDefinitionEdit]) throws(SQLiteError) {
        guard isInTransaction else {
            throw SQLiteError(code: .misuse, message: "table definitions are edited inside a transaction", path: path)
        }
        var definitions: [(table: String, text: String)] = []
        for edit in edits {
            let index: Int
            if let known = definitions.firstIndex(where: { $0.table == edit.table }) {
                index = known
            } else {
                guard
                    let stored = try scalar(
                        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", [edit.table],
                        as: String.self, cached: false)
                else {
                    throw SQLiteError(code: .error, message: "no table \(edit.table) to edit", path: path)
                }
                definitions.append((edit.table, stored))
                index = definitions.count - 1
            }
            let found = edit.old.isEmpty ? 0 : definitions[index].text.ranges(of: edit.old).count
            guard found == 1 else {
                throw SQLiteError(
                    code: .error,
                    message: "the definition of table \(edit.table) holds \"\(edit.old)\" \(found) times, not once",
                    path: path)
            }
            definitions[index].text = definitions[index].text.replacing(edit.old, with: edit.new)
        }
        guard !definitions.isEmpty else { return }
        guard let version = try scalar("PRAGMA schema_version", as: Int.self, cached: false) else {
            // Never guess: a schema version set lower than it was makes other connections miss
            // the change (sqlite.org/pragma.html#pragma_schema_version).
            throw SQLiteError(code: .error, message: "SQLite did not tell the schema version", path: path)
        }
        try withWritableSchema { () throws(SQLiteError) in
            for definition in definitions {
                try execute(
                    "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?",
                    [definition.text, definition.table], cached: false)
            }
            // A new schema version makes every connection, this one included, parse the
            // definitions again before its next statement (sqlite.org/pragma.html#pragma_schema_version).
            try execute("PRAGMA schema_version = \(version + 1)", cached: false)
        }
        let problems = try integrityCheck()
        if let first = problems.first {
            throw SQLiteError(
                code: .corrupt, message: "after editing table definitions: \(first)", sql: "PRAGMA integrity_check",
                path: path)
        }
    }

    /// Runs `body` with defensive mode off and `PRAGMA writable_schema` on, then switches
    /// writable_schema off and defensive mode back on (when the configuration has it), whether
    /// `body` returned or threw. A failure to restore wins over `body`'s error.
    private func withWritableSchema(_ body: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        let handle = try connectionHandle()
        if configuration.defensive, rathaus_sqlite_set_defensive(handle, 0) != SQLITE_OK {
            throw SQLiteError(code: .error, message: "SQLite cannot switch off defensive mode", path: path)
        }
        var failure: SQLiteError?
        do {
            try execute("PRAGMA writable_schema = ON", cached: false)
            try body()
        } catch {
            failure = error
        }
        do {
            try execute("PRAGMA writable_schema = OFF", cached: false)
        } catch {
            failure = error
        }
        if configuration.defensive, rathaus_sqlite_set_defensive(handle, 1) != SQLITE_OK {
            failure = SQLiteError(code: .error, message: "SQLite cannot switch on defensive mode", path: path)
        }
        if let failure {
            throw failure
        }
    }
}
