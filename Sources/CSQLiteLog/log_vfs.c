// See include/CSQLiteLog.h. The VFS's methods follow sqlite.org/c3ref/vfs.html and
// sqlite.org/c3ref/io_methods.html; everything but the log's writes goes to the default VFS.
#include "CSQLiteLog.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <string.h>

const char *const RATHAUS_LOG_VFS_NAME = "rathaus-log";

typedef struct LogFile LogFile;
typedef struct DatabaseFile DatabaseFile;

/// How both wrappers begin: SQLite's file object, and the default VFS's file object for the same
/// file, which follows the wrapper in the same allocation.
typedef struct {
    sqlite3_file base;
    sqlite3_file *real;
} WrappedFile;

/// The default VFS's file behind a wrapper's `base`.
#define REAL(base) (((WrappedFile *)(base))->real)

/// A log opened through this VFS.
struct LogFile {
    WrappedFile wrapped;
    unsigned char *buffer;
    sqlite3_int64 offset; // where the buffer's first byte goes in the file
    int used;
    int capacity;
    DatabaseFile *database; // the same connection's database file, while both are open
};

/// A database file opened through this VFS: the default VFS's file, with its methods, except that
/// releasing the log's write lock first writes the same connection's gathered bytes. A
/// transaction that spilled pages to the log and then rolled back leaves them gathered (a
/// rollback does not touch the log); written later, after another connection appended to the
/// log, they would overwrite its frames. Written before the lock goes, they are harmless: frames
/// past the log's last commit that the next writer overwrites.
struct DatabaseFile {
    WrappedFile wrapped;
    const char *name; // as SQLite passed it: sqlite3_filename_database() of its log's name
    LogFile *log;
    DatabaseFile *next;
};

/// The open database files (to find a log's database file when the log opens).
static DatabaseFile *databases;
static pthread_mutex_t databasesLock = PTHREAD_MUTEX_INITIALIZER;

static sqlite3_vfs vfs;
static sqlite3_vfs *defaultVFS;
static int bufferCapacity;
static atomic_llong writesSeen;
static atomic_llong writeCalls;

// The methods both wrappers pass on as they are.

static int wrappedLock(sqlite3_file *base, int level) {
    return REAL(base)->pMethods->xLock(REAL(base), level);
}

static int wrappedUnlock(sqlite3_file *base, int level) {
    return REAL(base)->pMethods->xUnlock(REAL(base), level);
}

static int wrappedCheckReservedLock(sqlite3_file *base, int *result) {
    return REAL(base)->pMethods->xCheckReservedLock(REAL(base), result);
}

static int wrappedSectorSize(sqlite3_file *base) {
    return REAL(base)->pMethods->xSectorSize(REAL(base));
}

static int wrappedDeviceCharacteristics(sqlite3_file *base) {
    return REAL(base)->pMethods->xDeviceCharacteristics(REAL(base));
}

/// Writes the buffer to the file (one pwrite) and empties it; the buffer's error, if any.
static int flush(LogFile *file) {
    if (file->used == 0) {
        return SQLITE_OK;
    }
    int rc = file->wrapped.real->pMethods->xWrite(file->wrapped.real, file->buffer, file->used, file->offset);
    atomic_fetch_add(&writeCalls, 1);
    file->used = 0;
    return rc;
}

static int logClose(sqlite3_file *base) {
    LogFile *file = (LogFile *)base;
    pthread_mutex_lock(&databasesLock);
    if (file->database != NULL) {
        file->database->log = NULL;
        file->database = NULL;
    }
    pthread_mutex_unlock(&databasesLock);
    int rc = flush(file);
    int closed = file->wrapped.real->pMethods->xClose(file->wrapped.real);
    sqlite3_free(file->buffer);
    file->buffer = NULL;
    return rc == SQLITE_OK ? closed : rc;
}

static int logRead(sqlite3_file *base, void *data, int amount, sqlite3_int64 offset) {
    LogFile *file = (LogFile *)base;
    int rc = flush(file);
    return rc == SQLITE_OK ? file->wrapped.real->pMethods->xRead(file->wrapped.real, data, amount, offset) : rc;
}

static int logWrite(sqlite3_file *base, const void *data, int amount, sqlite3_int64 offset) {
    LogFile *file = (LogFile *)base;
    atomic_fetch_add(&writesSeen, 1);
    if (file->used > 0 && offset == file->offset + file->used && amount <= file->capacity - file->used) {
        memcpy(file->buffer + file->used, data, (size_t)amount);
        file->used += amount;
        return SQLITE_OK;
    }
    int rc = flush(file);
    if (rc != SQLITE_OK) {
        return rc;
    }
    if (file->buffer == NULL && file->capacity > 0) {
        file->buffer = sqlite3_malloc(file->capacity);
        if (file->buffer == NULL) {
            file->capacity = 0; // writes go straight through
        }
    }
    if (amount >= file->capacity) {
        atomic_fetch_add(&writeCalls, 1);
        return file->wrapped.real->pMethods->xWrite(file->wrapped.real, data, amount, offset);
    }
    memcpy(file->buffer, data, (size_t)amount);
    file->offset = offset;
    file->used = amount;
    return SQLITE_OK;
}

static int logTruncate(sqlite3_file *base, sqlite3_int64 size) {
    LogFile *file = (LogFile *)base;
    int rc = flush(file);
    return rc == SQLITE_OK ? file->wrapped.real->pMethods->xTruncate(file->wrapped.real, size) : rc;
}

static int logSync(sqlite3_file *base, int flags) {
    LogFile *file = (LogFile *)base;
    int rc = flush(file);
    return rc == SQLITE_OK ? file->wrapped.real->pMethods->xSync(file->wrapped.real, flags) : rc;
}

static int logFileSize(sqlite3_file *base, sqlite3_int64 *size) {
    LogFile *file = (LogFile *)base;
    int rc = flush(file);
    return rc == SQLITE_OK ? file->wrapped.real->pMethods->xFileSize(file->wrapped.real, size) : rc;
}

static int logFileControl(sqlite3_file *base, int op, void *argument) {
    LogFile *file = (LogFile *)base;
    int rc = flush(file);
    return rc == SQLITE_OK ? file->wrapped.real->pMethods->xFileControl(file->wrapped.real, op, argument) : rc;
}

// Version 1: a log is never memory-mapped and has no shared memory of its own (SQLite calls
// those methods on the database file).
static const sqlite3_io_methods logMethods = {
    1,
    logClose,
    logRead,
    logWrite,
    logTruncate,
    logSync,
    logFileSize,
    wrappedLock,
    wrappedUnlock,
    wrappedCheckReservedLock,
    logFileControl,
    wrappedSectorSize,
    wrappedDeviceCharacteristics,
    NULL, NULL, NULL, NULL, NULL, NULL,
};

static int databaseClose(sqlite3_file *base) {
    DatabaseFile *file = (DatabaseFile *)base;
    pthread_mutex_lock(&databasesLock);
    for (DatabaseFile **link = &databases; *link != NULL; link = &(*link)->next) {
        if (*link == file) {
            *link = file->next;
            break;
        }
    }
    if (file->log != NULL) {
        file->log->database = NULL;
        file->log = NULL;
    }
    pthread_mutex_unlock(&databasesLock);
    return file->wrapped.real->pMethods->xClose(file->wrapped.real);
}

static int databaseRead(sqlite3_file *base, void *data, int amount, sqlite3_int64 offset) {
    return REAL(base)->pMethods->xRead(REAL(base), data, amount, offset);
}

static int databaseWrite(sqlite3_file *base, const void *data, int amount, sqlite3_int64 offset) {
    return REAL(base)->pMethods->xWrite(REAL(base), data, amount, offset);
}

static int databaseTruncate(sqlite3_file *base, sqlite3_int64 size) {
    return REAL(base)->pMethods->xTruncate(REAL(base), size);
}

static int databaseSync(sqlite3_file *base, int flags) {
    return REAL(base)->pMethods->xSync(REAL(base), flags);
}

static int databaseFileSize(sqlite3_file *base, sqlite3_int64 *size) {
    return REAL(base)->pMethods->xFileSize(REAL(base), size);
}

static int databaseFileControl(sqlite3_file *base, int op, void *argument) {
    return REAL(base)->pMethods->xFileControl(REAL(base), op, argument);
}

static int databaseShmMap(sqlite3_file *base, int region, int size, int extend, void volatile **memory) {
    return REAL(base)->pMethods->xShmMap(REAL(base), region, size, extend, memory);
}

/// The log's write lock is the first of the shared-memory locks (WAL_WRITE_LOCK in SQLite's wal.c).
static const int writeLock = 0;

static int databaseShmLock(sqlite3_file *base, int offset, int count, int flags) {
    DatabaseFile *file = (DatabaseFile *)base;
    if (flags == (SQLITE_SHM_UNLOCK | SQLITE_SHM_EXCLUSIVE) && offset <= writeLock && writeLock < offset + count
        && file->log != NULL) {
        // Bytes still gathered now belong to no commit (a commit syncs, and so writes, them).
        (void)flush(file->log);
    }
    return file->wrapped.real->pMethods->xShmLock(file->wrapped.real, offset, count, flags);
}

static void databaseShmBarrier(sqlite3_file *base) {
    REAL(base)->pMethods->xShmBarrier(REAL(base));
}

static int databaseShmUnmap(sqlite3_file *base, int deleteFlag) {
    return REAL(base)->pMethods->xShmUnmap(REAL(base), deleteFlag);
}

static int databaseFetch(sqlite3_file *base, sqlite3_int64 offset, int amount, void **pointer) {
    return REAL(base)->pMethods->xFetch(REAL(base), offset, amount, pointer);
}

static int databaseUnfetch(sqlite3_file *base, sqlite3_int64 offset, void *pointer) {
    return REAL(base)->pMethods->xUnfetch(REAL(base), offset, pointer);
}

static const sqlite3_io_methods databaseMethods = {
    3,
    databaseClose,
    databaseRead,
    databaseWrite,
    databaseTruncate,
    databaseSync,
    databaseFileSize,
    wrappedLock,
    wrappedUnlock,
    wrappedCheckReservedLock,
    databaseFileControl,
    wrappedSectorSize,
    wrappedDeviceCharacteristics,
    databaseShmMap,
    databaseShmLock,
    databaseShmBarrier,
    databaseShmUnmap,
    databaseFetch,
    databaseUnfetch,
};

static int openDatabase(const char *name, sqlite3_file *base, int flags, int *outFlags) {
    DatabaseFile *file = (DatabaseFile *)base;
    memset(file, 0, sizeof(DatabaseFile));
    file->wrapped.real = (sqlite3_file *)(file + 1);
    int rc = defaultVFS->xOpen(defaultVFS, name, file->wrapped.real, flags, outFlags);
    if (rc != SQLITE_OK) {
        file->wrapped.base.pMethods = NULL;
        return rc;
    }
    if (file->wrapped.real->pMethods == NULL || file->wrapped.real->pMethods->iVersion < 3) {
        file->wrapped.real->pMethods->xClose(file->wrapped.real);
        file->wrapped.base.pMethods = NULL;
        return SQLITE_CANTOPEN;
    }
    file->name = name;
    pthread_mutex_lock(&databasesLock);
    file->next = databases;
    databases = file;
    pthread_mutex_unlock(&databasesLock);
    file->wrapped.base.pMethods = &databaseMethods;
    return SQLITE_OK;
}

static int openLog(const char *name, sqlite3_file *base, int flags, int *outFlags) {
    LogFile *file = (LogFile *)base;
    memset(file, 0, sizeof(LogFile));
    file->wrapped.real = (sqlite3_file *)(file + 1);
    int rc = defaultVFS->xOpen(defaultVFS, name, file->wrapped.real, flags, outFlags);
    if (rc != SQLITE_OK) {
        file->wrapped.base.pMethods = NULL;
        return rc;
    }
    // Gathered only when the connection's database file is known, so that its write lock's
    // release writes them (see DatabaseFile).
    const char *databaseName = sqlite3_filename_database(name);
    pthread_mutex_lock(&databasesLock);
    for (DatabaseFile *database = databases; database != NULL; database = database->next) {
        if (database->name == databaseName && database->log == NULL) {
            database->log = file;
            file->database = database;
            file->capacity = bufferCapacity;
            break;
        }
    }
    pthread_mutex_unlock(&databasesLock);
    file->wrapped.base.pMethods = &logMethods;
    return SQLITE_OK;
}

static int vfsOpen(sqlite3_vfs *self, const char *name, sqlite3_file *base, int flags, int *outFlags) {
    (void)self;
    if ((flags & SQLITE_OPEN_MAIN_DB) != 0 && name != NULL) {
        return openDatabase(name, base, flags, outFlags);
    }
    if ((flags & SQLITE_OPEN_WAL) != 0 && name != NULL) {
        return openLog(name, base, flags, outFlags);
    }
    // Anything else: the default VFS's file itself, in the space SQLite allocated (szOsFile is
    // larger).
    return defaultVFS->xOpen(defaultVFS, name, base, flags, outFlags);
}

static int vfsDelete(sqlite3_vfs *self, const char *name, int syncDirectory) {
    (void)self;
    return defaultVFS->xDelete(defaultVFS, name, syncDirectory);
}

static int vfsAccess(sqlite3_vfs *self, const char *name, int flags, int *result) {
    (void)self;
    return defaultVFS->xAccess(defaultVFS, name, flags, result);
}

static int vfsFullPathname(sqlite3_vfs *self, const char *name, int size, char *out) {
    (void)self;
    return defaultVFS->xFullPathname(defaultVFS, name, size, out);
}

static void *vfsDlOpen(sqlite3_vfs *self, const char *name) {
    (void)self;
    return defaultVFS->xDlOpen(defaultVFS, name);
}

static void vfsDlError(sqlite3_vfs *self, int size, char *message) {
    (void)self;
    defaultVFS->xDlError(defaultVFS, size, message);
}

static void (*vfsDlSym(sqlite3_vfs *self, void *handle, const char *symbol))(void) {
    (void)self;
    return defaultVFS->xDlSym(defaultVFS, handle, symbol);
}

static void vfsDlClose(sqlite3_vfs *self, void *handle) {
    (void)self;
    defaultVFS->xDlClose(defaultVFS, handle);
}

static int vfsRandomness(sqlite3_vfs *self, int size, char *out) {
    (void)self;
    return defaultVFS->xRandomness(defaultVFS, size, out);
}

static int vfsSleep(sqlite3_vfs *self, int microseconds) {
    (void)self;
    return defaultVFS->xSleep(defaultVFS, microseconds);
}

static int vfsCurrentTime(sqlite3_vfs *self, double *now) {
    (void)self;
    return defaultVFS->xCurrentTime(defaultVFS, now);
}

static int vfsGetLastError(sqlite3_vfs *self, int size, char *out) {
    (void)self;
    return defaultVFS->xGetLastError ? defaultVFS->xGetLastError(defaultVFS, size, out) : 0;
}

static int vfsCurrentTimeInt64(sqlite3_vfs *self, sqlite3_int64 *now) {
    (void)self;
    return defaultVFS->xCurrentTimeInt64(defaultVFS, now);
}

static int vfsSetSystemCall(sqlite3_vfs *self, const char *name, sqlite3_syscall_ptr call) {
    (void)self;
    return defaultVFS->xSetSystemCall(defaultVFS, name, call);
}

static sqlite3_syscall_ptr vfsGetSystemCall(sqlite3_vfs *self, const char *name) {
    (void)self;
    return defaultVFS->xGetSystemCall(defaultVFS, name);
}

static const char *vfsNextSystemCall(sqlite3_vfs *self, const char *name) {
    (void)self;
    return defaultVFS->xNextSystemCall(defaultVFS, name);
}

static int registration = SQLITE_ERROR;

/// The most the default (unix) VFS writes in one call: it takes a write's length modulo 2^17.
static const int largestWrite = 0x1ffff;

static void registerVFS(void) {
    if (bufferCapacity < 0) {
        bufferCapacity = 0;
    }
    if (bufferCapacity > largestWrite) {
        bufferCapacity = largestWrite;
    }
    defaultVFS = sqlite3_vfs_find(NULL);
    if (defaultVFS == NULL || defaultVFS->iVersion < 3) {
        registration = SQLITE_ERROR;
        return;
    }
    memset(&vfs, 0, sizeof(vfs));
    vfs.iVersion = 3;
    int wrapper = sizeof(LogFile) > sizeof(DatabaseFile) ? (int)sizeof(LogFile) : (int)sizeof(DatabaseFile);
    vfs.szOsFile = wrapper + defaultVFS->szOsFile;
    vfs.mxPathname = defaultVFS->mxPathname;
    vfs.zName = RATHAUS_LOG_VFS_NAME;
    vfs.xOpen = vfsOpen;
    vfs.xDelete = vfsDelete;
    vfs.xAccess = vfsAccess;
    vfs.xFullPathname = vfsFullPathname;
    vfs.xDlOpen = vfsDlOpen;
    vfs.xDlError = vfsDlError;
    vfs.xDlSym = vfsDlSym;
    vfs.xDlClose = vfsDlClose;
    vfs.xRandomness = vfsRandomness;
    vfs.xSleep = vfsSleep;
    vfs.xCurrentTime = vfsCurrentTime;
    vfs.xGetLastError = vfsGetLastError;
    vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    vfs.xSetSystemCall = vfsSetSystemCall;
    vfs.xGetSystemCall = vfsGetSystemCall;
    vfs.xNextSystemCall = vfsNextSystemCall;
    registration = sqlite3_vfs_register(&vfs, 0);
}

static pthread_mutex_t registering = PTHREAD_MUTEX_INITIALIZER;
static int registered;

int rathaus_log_vfs_register(int capacity) {
    pthread_mutex_lock(&registering);
    if (!registered) {
        bufferCapacity = capacity;
        registerVFS();
        registered = 1;
    }
    int result = registration;
    pthread_mutex_unlock(&registering);
    return result;
}

void rathaus_log_vfs_counts(long long *writes, long long *calls) {
    *writes = atomic_load(&writesSeen);
    *calls = atomic_load(&writeCalls);
}
