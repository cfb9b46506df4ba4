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
        append { bytes in bytes.append(contentsOf: line.utf8) }
    }

    /// Adds the line `write` appends to the bytes it is given (without its newline), written in
    /// place: no string is made for it.
    package func append(_ write: (inout [UInt8]) -> Void) {
        pending.withLock { bytes in
            let start = bytes.count
            write(&bytes)
            bytes.append(UInt8(ascii: "\n"))
            if start > 0 && bytes.count > limit {
                // The earlier lines go out alone; this one starts the next write.
                writeOut(bytes[..<start])
                bytes.removeFirst(start)
            }
        }
    }

    /// Writes what is gathered. Cheap when nothing is.
    package func flush() {
        pending.withLock { bytes in
            if !bytes.isEmpty {
                writeOut(bytes[...])
                bytes.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Writes all of `bytes` (retrying short writes and EINTR). A descriptor that fails (closed,
    /// full disk) drops the lines: logging never stops the server.
    private func writeOut(_ bytes: ArraySlice<UInt8>) {
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
    }
}
