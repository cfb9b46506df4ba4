/// A CHECK constraint that a column holds one of a few constants, in the two forms the schema has
/// had: as steps 1–9 wrote it, `CHECK (status IN ('waiting', 'sent', 'failed'))`, and as step 11
/// writes it, `CHECK (status = 'waiting' OR status = 'sent' OR status = 'failed')`.
///
/// Both accept and refuse the same values (NULL passes either: the columns are NOT NULL). They
/// differ in cost: SQLite 3.40 checks an IN list of three or more constants by building an
/// ephemeral B-tree of the constants for every INSERT, and every UPDATE of the column
/// (`OpenEphemeral` in `EXPLAIN`), while the comparisons are a few `Eq` instructions.
struct ConstantsCheck: Sendable {
    /// The table whose definition holds the constraint.
    var table: String
    /// The column it checks.
    var column: String
    /// The constants it allows, in the order the constraint lists them.
    var values: [String]

    /// The constraint as steps 1–9 wrote it, to the byte.
    var inListText: String {
        "CHECK (\(column) IN (\(values.map { "'\($0)'" }.joined(separator: ", "))))"
    }

    /// The same constraint as comparisons joined by OR.
    var comparisonsText: String {
        "CHECK (\(values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")))"
    }

    /// The edit of the table's definition from the first form to the second.
    var edit: SQLiteConnection.TableDefinitionEdit {
        SQLiteConnection.TableDefinitionEdit(table: table, old: inListText, new: comparisonsText)
    }
}
