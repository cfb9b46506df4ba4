import Glibc
import Synchronization

/// Log lines gathered in memory and written to a file descriptor together: one `write` for the
/// lines of an event-loop pass (under load dozens of requests) rather than one per line. Lines
/// keep their order. A write holds at most `limit` bytes (unless one line is longer): with the
/// default of `PIPE_BUF` a write to a pipe (journald, a log collector) is atomic, so the lines
/// of other threads writing there never land inside a batch's.
package final class LineBatch: Sendable {
    private let pending = Mutex<[UInt8]>([])
    private let descriptor: Int32
    private let limit: Int

    /// A batch for `descriptor` (default: standard error) of at most `limit` bytes, written when
    /// the next line would not fit or on `flush`.
    package init(descriptor: Int32 = 2, limit: Int = Int(PIPE_BUF)) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// Adds `line` and a newline.
    package func append(_ line: String) {
        pending.withLock { bytes in
            if !bytes.isEmpty && bytes.count + line.utf8.count + 1 > limit {
                write(&bytes)
            }
            bytes.append(contentsOf: line.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes what is gathered. Cheap when nothing is.
    package func flush() {
        pending.withLock { bytes in
            if !bytes.isEmpty {
                write(&bytes)
            }
        }
    }

    /// Writes all of `bytes` (retrying short writes and EINTR) and empties it, keeping its
    /// storage. A descriptor that fails (closed, full disk) drops the lines: logging never stops
    /// the server.
    private func write(_ bytes: inout [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
