import Dispatch
import Glibc
import Synchronization

/// Catches SIGTERM and SIGINT for a graceful shutdown. While installed, the signals no longer
/// end the process; `handler` gets the signal and how many termination signals came so far.
/// `cancel()` restores the default behaviour.
package final class TerminationSignals: Sendable {
    private let sources: Mutex<[any DispatchSourceSignal]>
    private let signals: [Int32]

    /// Installs the handler for `signals` (default SIGTERM and SIGINT).
    package init(
        signals: [Int32] = [SIGTERM, SIGINT], handler: @escaping @Sendable (_ signal: Int32, _ count: Int) -> Void
    ) {
        let count = Atomic<Int>(0)
        let queue = DispatchQueue(label: "rathaus.termination-signals")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            // libdispatch watches the signal; the default action must be off first.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let seen = count.wrappingAdd(1, ordering: .relaxed).newValue
                handler(number, seen)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = Mutex(sources)
        self.signals = signals
    }

    /// Stops catching the signals and restores their default action.
    package func cancel() {
        let taken = sources.withLock { sources in
            defer { sources = [] }
            return sources
        }
        guard !taken.isEmpty else { return }
        for source in taken {
            source.cancel()
        }
        for number in signals {
            signal(number, SIG_DFL)
        }
    }
}

extension HTTPServer {
    /// Shuts the server down on SIGTERM or SIGINT: the first signal drains within
    /// `gracePeriod`, a second one closes everything at once. Keep the returned value for as
    /// long as the signals should be caught.
    package func shutdownOnTerminationSignals(gracePeriod: Duration = .seconds(10)) -> TerminationSignals {
        TerminationSignals { [self] _, count in
            shutdown(gracePeriod: count == 1 ? gracePeriod : .zero)
        }
    }
}
