internal import Glibc

/// The few POSIX file operations that replacing a database file safely needs: write to a temporary
/// sibling, fsync it, rename or link it into place, fsync the directory (the rename is durable only
/// then; see sqlite.org/atomiccommit.html#_deleting_the_rollback_journal for why directories need
/// their own fsync).
enum FileOperations {
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func size(_ path: String) throws(BackupError) -> Int64 {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .fileSystem(operation: "read the size of", path: path, errno: errno)
        }
        return Int64(status.st_size)
    }

    /// Whether both paths name the same file (device and inode); false when either is missing.
    static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// The directory part of `path` ("." for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// A hidden file beside `path`, for writing before it is renamed into place: same directory,
    /// so the rename stays on one file system and is atomic.
    static func temporarySibling(of path: String, tag: String) -> String {
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        return directory(of: path) + "/." + name + "." + tag + "-" + String(getpid())
    }

    static func fsyncFile(_ path: String) throws(BackupError) {
        try fsync(path: path, flags: O_RDONLY)
    }

    static func fsyncDirectory(containing path: String) throws(BackupError) {
        try fsync(path: directory(of: path), flags: O_RDONLY | O_DIRECTORY)
    }

    private static func fsync(path: String, flags: Int32) throws(BackupError) {
        let descriptor = open(path, flags | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .fileSystem(operation: "open", path: path, errno: errno)
        }
        defer { close(descriptor) }
        guard Glibc.fsync(descriptor) == 0 else {
            throw .fileSystem(operation: "fsync", path: path, errno: errno)
        }
    }

    /// Atomically replaces `destination` by `source` (rename(2)).
    static func rename(_ source: String, to destination: String) throws(BackupError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw .fileSystem(operation: "rename \(source) to", path: destination, errno: errno)
        }
    }

    /// Gives `source` the second name `destination`, failing with `destinationExists` when that
    /// name is taken: an atomic "create only if missing" (link(2)).
    static func link(_ source: String, to destination: String) throws(BackupError) {
        guard Glibc.link(source, destination) == 0 else {
            let code = errno
            if code == EEXIST {
                throw .destinationExists(path: destination)
            }
            throw .fileSystem(operation: "link \(source) to", path: destination, errno: code)
        }
    }

    /// Moves `source` to `destination` in one step. With `overwrite`, rename(2) replaces what is
    /// there. Without, link(2) and unlink(2) give an atomic "only if the name is free"; on a file
    /// system without hard links (some network shares), the name is checked and then renamed to.
    static func move(_ source: String, to destination: String, overwrite: Bool) throws(BackupError) {
        if overwrite {
            try rename(source, to: destination)
            return
        }
        do {
            try link(source, to: destination)
            try removeIfPresent(source)
        } catch .fileSystem {
            guard !exists(destination) else {
                throw .destinationExists(path: destination)
            }
            try rename(source, to: destination)
        }
    }

    /// Removes `path`; a missing file is fine.
    static func removeIfPresent(_ path: String) throws(BackupError) {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .fileSystem(operation: "remove", path: path, errno: errno)
        }
    }

    /// Removes the database's side files: rollback journal, WAL and shared-memory index
    /// (sqlite.org/tempfiles.html).
    static func removeSideFiles(of path: String) throws(BackupError) {
        for suffix in ["-journal", "-wal", "-shm"] {
            try removeIfPresent(path + suffix)
        }
    }
}
