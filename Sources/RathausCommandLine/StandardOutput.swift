import CSystem

/// What commands print goes through C's buffered standard output (Swift's `print`); errors in
/// writing it show only when it is flushed.
package enum StandardOutput {
    /// Writes what is buffered; false when standard output failed (full disk, closed, …) now or
    /// before, with `errno` saying why.
    package static func flush() -> Bool {
        csystem_flush_stdout() == 0
    }
}
