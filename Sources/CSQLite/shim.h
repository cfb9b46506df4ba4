// The system SQLite for Swift, plus what Swift cannot call directly: the SQLITE_TRANSIENT
// destructor (a cast of -1 to a function pointer) and the variadic sqlite3_db_config() and
// sqlite3_config().
#ifndef RATHAUS_CSQLITE_SHIM_H
#define RATHAUS_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT: SQLite copies bound text and blobs before the bind call returns
/// (sqlite.org/c3ref/c_static.html).
static inline sqlite3_destructor_type rathaus_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Sets an on/off option of sqlite3_db_config() (sqlite.org/c3ref/c_dbconfig_defensive.html).
/// Returns SQLITE_OK, or SQLITE_ERROR when this SQLite does not know the option.
static inline int rathaus_sqlite_db_config_flag(sqlite3 *db, int option, int on) {
    int now = -1;
    int rc = sqlite3_db_config(db, option, on, &now);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return now == on ? SQLITE_OK : SQLITE_ERROR;
}

/// SQLITE_DBCONFIG_DEFENSIVE (3.26): no writes to the schema or the file outside ordinary SQL.
static inline int rathaus_sqlite_set_defensive(sqlite3 *db, int on) {
#ifdef SQLITE_DBCONFIG_DEFENSIVE
    return rathaus_sqlite_db_config_flag(db, SQLITE_DBCONFIG_DEFENSIVE, on);
#else
    return SQLITE_ERROR;
#endif
}

/// SQLITE_DBCONFIG_TRUSTED_SCHEMA (3.31): off means functions in the schema (views, triggers,
/// defaults) must be innocuous (sqlite.org/security.html).
static inline int rathaus_sqlite_set_trusted_schema(sqlite3 *db, int on) {
#ifdef SQLITE_DBCONFIG_TRUSTED_SCHEMA
    return rathaus_sqlite_db_config_flag(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, on);
#else
    return SQLITE_ERROR;
#endif
}

/// SQLITE_DBCONFIG_DQS_DML and _DDL (3.29): off makes "x" an identifier only, never a string
/// literal (sqlite.org/quirks.html#dblquote).
static inline int rathaus_sqlite_set_double_quoted_strings(sqlite3 *db, int on) {
#if defined(SQLITE_DBCONFIG_DQS_DML) && defined(SQLITE_DBCONFIG_DQS_DDL)
    int rc = rathaus_sqlite_db_config_flag(db, SQLITE_DBCONFIG_DQS_DML, on);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return rathaus_sqlite_db_config_flag(db, SQLITE_DBCONFIG_DQS_DDL, on);
#else
    return SQLITE_ERROR;
#endif
}

/// SQLITE_CONFIG_STMTJRNL_SPILL (3.13): the size in bytes from which the rollback journal of a
/// statement or a savepoint inside a transaction goes to a temporary file; -1 keeps it in memory
/// (sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigstmtjrnlspill). Process-wide,
/// and only before SQLite is initialized (the first connection opened): SQLITE_MISUSE after.
static inline int rathaus_sqlite_set_statement_journal_spill(int bytes) {
#ifdef SQLITE_CONFIG_STMTJRNL_SPILL
    return sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, bytes);
#else
    return SQLITE_ERROR;
#endif
}

#endif
