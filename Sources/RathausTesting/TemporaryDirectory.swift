internal import Foundation

/// A fresh directory under the system's temporary directory, for tests that need files (storage
/// tests run on a new database file each). `withTemporaryDirectory` removes it afterwards.
package struct TemporaryDirectory: Sendable {
    /// The directory's absolute path.
    package let path: String

    /// Creates a new, empty directory.
    package init() throws {
        let base = FileManager.default.temporaryDirectory.path
        let path = base + "/rathaus-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        self.path = path
    }

    /// The path of `name` inside the directory (the file is not created).
    package func file(_ name: String) -> String {
        path + "/" + name
    }

    /// The names of the files in the directory, sorted.
    package func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// Removes the directory and everything in it.
    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs `body` with a new temporary directory and removes the directory afterwards, also when
/// `body` throws.
package func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
}
