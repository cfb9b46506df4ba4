package import Scheduling
import Synchronization

/// The town's identity provider as the running server reaches it: discovered in the background at
/// start and, after a failure, again at the next sign-in once `retrySeconds` have passed. So
/// Rathaus starts and serves citizens while the provider is down, and sign-in works as soon as it
/// is back, without a restart.
package final class ProviderLink: Sendable {
    /// The configuration it discovers with.
    package let configuration: OpenIDConfiguration
    private let clock: @Sendable () -> Instant
    private let retrySeconds: Int
    private let state = Mutex<(provider: OpenIDProvider?, failedAt: Instant?, failure: SignInError?)>((nil, nil, nil))

    /// A link that discovers `configuration`'s provider when first asked.
    package init(configuration: OpenIDConfiguration, clock: @escaping @Sendable () -> Instant, retrySeconds: Int) {
        self.configuration = configuration
        self.clock = clock
        self.retrySeconds = retrySeconds
    }

    /// A link to a provider already discovered (tests that change what it says).
    package init(provider: OpenIDProvider, clock: @escaping @Sendable () -> Instant) {
        configuration = provider.configuration
        self.clock = clock
        retrySeconds = 0
        state.withLock { $0.provider = provider }
    }

    /// The provider, discovered now if it has not been (a failure within `retrySeconds` of the
    /// last one is answered with it at once).
    package func provider() async throws(SignInError) -> OpenIDProvider {
        let now = clock()
        let known = state.withLock { $0 }
        if let provider = known.provider { return provider }
        if let failedAt = known.failedAt, let failure = known.failure, now < failedAt.adding(seconds: retrySeconds) {
            throw failure
        }
        do {
            let provider = try await OpenIDProvider.discover(configuration)
            state.withLock { $0 = (provider, nil, nil) }
            return provider
        } catch {
            state.withLock { $0 = (nil, now, error) }
            throw error
        }
    }

    /// The provider if it has been discovered (no network).
    package var discovered: OpenIDProvider? { state.withLock { $0.provider } }
}
