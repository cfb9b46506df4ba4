package import Scheduling
import Synchronization

/// A manual clock that several threads can read (a writer's decisions) while a test moves it.
package final class SharedClock: Sendable {
    private let instant: Mutex<Instant>

    package init(_ now: Instant) {
        instant = Mutex(now)
    }

    package var now: Instant { instant.withLock { $0 } }

    package func advance(minutes: Int) {
        instant.withLock { $0 = $0.adding(minutes: minutes) }
    }

    package func set(_ now: Instant) {
        instant.withLock { $0 = now }
    }

    /// The clock as the writers take it.
    package var read: @Sendable () -> Instant {
        { [self] in self.now }
    }
}
