import Storage

/// How staff sign in (Documentation/SignIn.md): the town's identity provider when one is
/// configured, local accounts unless switched off, and the limits of sessions, sign-in attempts
/// and the audit trail. Every limit is a named value with a default.
package struct SignInSettings: Sendable {
    /// The identity provider (OpenID Connect); nil: local accounts only.
    package var provider: OpenIDConfiguration?
    /// Whether local accounts (`rathaus staff add`) may sign in with their password.
    package var localAccounts = true

    /// Minutes a session lasts without a request the staff member made (the pages' automatic
    /// refreshes do not count) before it ends.
    package var sessionIdleMinutes = 60
    /// Hours a session lasts at most, however active: then the staff member signs in again.
    package var sessionHours = 12
    /// Seconds between two writes of a session's last request: the idle limit is kept to within
    /// this, and an active session costs one write a minute, not one per request.
    package var sessionTouchSeconds = 60
    /// Seconds a session found valid lets its requests past the public rate limits without a
    /// lookup (admission control only; access is checked on every request).
    package var knownSessionSeconds = 10

    /// Failed sign-ins one login name may have within `failureWindowMinutes` before further
    /// attempts are refused without checking the password.
    package var accountFailures = 5
    /// Failed sign-ins one client address may have within the window (any login names).
    package var addressFailures = 20
    /// The window over which failures are counted; a refused attempt says when the oldest
    /// failure leaves it.
    package var failureWindowMinutes = 15
    /// Login names and addresses tracked at once; when full, counts below the limit are forgotten
    /// first, refusals are kept.
    package var maxTrackedFailures = 100_000
    /// Password checks waiting at once (each takes about a third of a second of one core); beyond
    /// it, a sign-in is asked to try again in a moment.
    package var maxWaitingPasswordChecks = 32
    /// PBKDF2 iterations of new password hashes, and the minimum below which a stored hash is
    /// replaced at the next sign-in.
    package var passwordIterations = PasswordHash.defaultIterations

    /// Minutes a sign-in started at the identity provider may take until the browser comes back.
    package var pendingSignInMinutes = 10
    /// Sign-ins at the provider that may be under way at once; when full, the oldest is dropped.
    package var maxPendingSignIns = 10_000
    /// Seconds after a failed discovery of the provider before the next sign-in tries it again.
    package var providerRetrySeconds = 30

    /// Days audit entries are kept.
    package var auditDays = 365
    /// Reverse proxies whose `X-Forwarded-For` names the client (for the per-address limit).
    package var trustedProxies: Set<String> = []

    package init() {}

    /// The idle limit in seconds.
    var sessionIdleSeconds: Int { sessionIdleMinutes * 60 }
    /// The absolute limit in seconds.
    var sessionSeconds: Int { sessionHours * 3600 }
}
