package import Scheduling
import Storage
import Synchronization

/// The configuration the server runs on now: the municipality, its offices by id, the version it
/// came from and its document. A change made in the console replaces it once every office has
/// taken it (Documentation/Administration.md); readers take a copy of the whole state under a lock.
package final class LiveConfiguration: Sendable {
    /// One configuration.
    package struct State: Sendable {
        package var municipality: Municipality
        package var offices: [OfficeID: Office]
        /// The stored version it is (0: none stored, as in tests that give a municipality only).
        package var version: Int
        /// Its document; nil when the server was given a municipality only (no console changes).
        package var document: ConfigurationDocument?

        package init(municipality: Municipality, version: Int, document: ConfigurationDocument?) {
            self.municipality = municipality
            self.offices = Dictionary(
                municipality.offices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            self.version = version
            self.document = document
        }
    }

    private let state: Mutex<State>

    package init(_ state: State) {
        self.state = Mutex(state)
    }

    /// A configuration of `municipality` alone (version 0, no document).
    package convenience init(municipality: Municipality) {
        self.init(State(municipality: municipality, version: 0, document: nil))
    }

    /// The configuration now.
    package var current: State { state.withLock { $0 } }

    /// The municipality now.
    package var municipality: Municipality { state.withLock { $0.municipality } }

    /// The office with `id` now.
    package func office(_ id: OfficeID) -> Office? { state.withLock { $0.offices[id] } }

    /// Whether there is an office with `id` now (without copying it out).
    package func hasOffice(_ id: OfficeID) -> Bool { state.withLock { $0.offices.index(forKey: id) != nil } }

    /// The version now.
    package var version: Int { state.withLock { $0.version } }

    /// Takes `next` as the configuration.
    package func replace(with next: State) {
        state.withLock { $0 = next }
    }
}
