import Scheduling

/// Limits password guessing (OWASP Authentication Cheat Sheet, "Login Throttling"): at most
/// `accountLimit` failed sign-ins per login name and `addressLimit` per client address within
/// `windowSeconds`. Beyond either, an attempt is refused before its password is checked, and
/// told when the oldest counted failure leaves the window.
///
/// An attempt is counted as a failure the moment it is admitted, before its password is checked,
/// and taken back when it succeeds: so parallel attempts cannot slip past the limit while the
/// checks run. Refused attempts are not counted, so a staff member whose name an attacker tries
/// gets in again once the window has passed.
///
/// A value type with the time passed in, so tests need no clock; the desk keeps it under a mutex.
package struct SignInThrottle: Sendable {
    /// Why an attempt was refused, and in how many seconds the next may go.
    package enum Refusal: Equatable, Sendable {
        /// Too many failures for this login name.
        case account(retryAfterSeconds: Int)
        /// Too many failures from this address.
        case address(retryAfterSeconds: Int)

        package var retryAfterSeconds: Int {
            switch self {
            case .account(let seconds), .address(let seconds): seconds
            }
        }
    }

    package let accountLimit: Int
    package let addressLimit: Int
    package let windowSeconds: Int64
    /// Names and addresses tracked at once, each.
    package let capacity: Int
    /// The times of the counted failures per login name and per address, oldest first.
    private var accounts: [String: [Int64]] = [:]
    private var addresses: [String: [Int64]] = [:]

    package init(accountLimit: Int, addressLimit: Int, windowSeconds: Int, capacity: Int) {
        self.accountLimit = max(1, accountLimit)
        self.addressLimit = max(1, addressLimit)
        self.windowSeconds = Int64(max(1, windowSeconds))
        self.capacity = max(1, capacity)
    }

    /// The throttle with the limits of `settings`.
    package init(_ settings: SignInSettings) {
        self.init(
            accountLimit: settings.accountFailures, addressLimit: settings.addressFailures,
            windowSeconds: settings.failureWindowMinutes * 60, capacity: settings.maxTrackedFailures)
    }

    /// The key a login name is counted under: trimmed and in lower case, as accounts are found.
    package static func key(ofLogin login: String) -> String {
        login.trimmingWhitespace.lowercased()
    }

    /// Admits an attempt for `login` from `address` at `now` (seconds), counting it as a failure
    /// until `succeeded`; or refuses it, counting nothing.
    package mutating func attempt(login: String, address: String, now: Int64) -> Refusal? {
        let account = Self.key(ofLogin: login)
        let since = now - windowSeconds
        let accountFailures = (accounts[account] ?? []).filter { $0 > since }
        let addressFailures = (addresses[address] ?? []).filter { $0 > since }
        if accountFailures.count >= accountLimit, let oldest = accountFailures.first {
            return .account(retryAfterSeconds: Int(max(1, oldest - since)))
        }
        if addressFailures.count >= addressLimit, let oldest = addressFailures.first {
            return .address(retryAfterSeconds: Int(max(1, oldest - since)))
        }
        Self.store(&accounts, account, accountFailures + [now], limit: accountLimit, since: since, capacity: capacity)
        Self.store(
            &addresses, address, addressFailures + [now], limit: addressLimit, since: since, capacity: capacity)
        return nil
    }

    /// Takes back the admitted attempt of `login` from `address` at `now`, which succeeded: the
    /// login name's failures are forgotten, the address keeps its others.
    package mutating func succeeded(login: String, address: String, now: Int64) {
        accounts[Self.key(ofLogin: login)] = nil
        if var times = addresses[address], let index = times.lastIndex(of: now) {
            times.remove(at: index)
            addresses[address] = times.isEmpty ? nil : times
        }
    }

    /// How many login names and addresses are tracked (for tests of the capacity).
    package var tracked: (accounts: Int, addresses: Int) { (accounts.count, addresses.count) }

    /// Stores `times` under `key`; when the table is full, failures that left the window are
    /// forgotten first, then counts below the limit, and refusals last.
    private static func store(
        _ table: inout [String: [Int64]], _ key: String, _ times: [Int64], limit: Int, since: Int64, capacity: Int
    ) {
        if table[key] == nil, table.count >= capacity {
            table = table.compactMapValues { times in
                let kept = times.filter { $0 > since }
                return kept.isEmpty ? nil : kept
            }
            if table.count >= capacity { table = table.filter { $0.value.count >= limit } }
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        }
        table[key] = times
    }
}
