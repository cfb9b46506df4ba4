import Foundation
package import Scheduling

extension Instant {
    /// The system clock's now (only the executables read the clock).
    package static var current: Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }
}
