// CSQLiteLog: an SQLite VFS that hands a write-ahead log's appends to the kernel in one call
// (Documentation/Storage.md, "The log's writes"). Written in C because a VFS is a table of C
// function pointers that SQLite calls with its own file objects.
#ifndef CSQLITELOG_H
#define CSQLITELOG_H

/// The name under which `rathaus_log_vfs_register` registers the VFS.
extern const char *const RATHAUS_LOG_VFS_NAME;

/// Registers (once; later calls return the first result) a VFS named RATHAUS_LOG_VFS_NAME over the
/// default one, not as the default. A write-ahead log it opens gathers its appends in a buffer of
/// `capacity` bytes (at most 128 KiB less one byte, the most the unix VFS writes in one call) and
/// writes them with one pwrite when a write does not continue them, when the buffer is full, and
/// before every other operation on the log (sync, read, size, truncate, file control, close).
/// The connection's database file passes everything to the default VFS, and writes the gathered
/// bytes before it releases the log's write lock: a rolled-back transaction's spilled pages never
/// reach the log after another connection's commit. Every other file is the default VFS's own.
/// Only for connections that commit with synchronous FULL or EXTRA: their commit syncs the log,
/// and so writes the gathered bytes, before other connections can see it.
/// Returns SQLITE_OK or SQLite's error code.
int rathaus_log_vfs_register(int capacity);

/// Counts since the process started, for tests and benchmarks: writes SQLite made to logs
/// through this VFS, and the write calls they became.
void rathaus_log_vfs_counts(long long *writes, long long *calls);

#endif
