import Foundation
package import Scheduling
import Synchronization

/// The clock a simulation runs the server on: it stands still until the simulator moves it to the
/// next thing that happens, so a day plays in seconds and every time is exact.
package final class SimulationClock: Sendable {
    private let current: Mutex<Instant>

    package init(_ start: Instant) {
        current = Mutex(start)
    }

    package var now: Instant { current.withLock { $0 } }

    /// For `Database.open` and `RathausApp`.
    package var read: @Sendable () -> Instant { { [self] in self.now } }

    /// Moves the clock to `instant` (never back).
    package func move(to instant: Instant) {
        current.withLock { $0 = max($0, instant) }
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator, so a simulation with the
/// same seed plays the same days.
package struct SimulationRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    package mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }

    /// A factor around 1 whose logarithm is normal with standard deviation `sigma` (Box–Muller).
    package mutating func logNormal(sigma: Double) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let v = Double.random(in: 0..<1, using: &self)
        let normal = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        return exp(sigma * normal)
    }
}
