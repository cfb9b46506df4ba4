import Testing

@testable import App

/// The limits on guessing passwords, with the time passed in.
@Suite struct SignInThrottleTests {
    func throttle(account: Int = 5, address: Int = 20, window: Int = 900, capacity: Int = 1_000) -> SignInThrottle {
        SignInThrottle(accountLimit: account, addressLimit: address, windowSeconds: window, capacity: capacity)
    }

    @Test func fiveFailuresOfANameLockItUntilTheOldestLeavesTheWindow() {
        var limits = throttle()
        for second in 0..<5 {
            #expect(limits.attempt(login: "erika", address: "198.51.100.\(second)", now: Int64(100 + second)) == nil)
        }
        #expect(limits.attempt(login: "Erika ", address: "203.0.113.9", now: 200) == .account(retryAfterSeconds: 800))
        #expect(limits.attempt(login: "erika", address: "203.0.113.9", now: 999) == .account(retryAfterSeconds: 1))
        #expect(limits.attempt(login: "erika", address: "203.0.113.9", now: 1000) == nil, "the first one has left")
    }

    @Test func attemptsCountTheMomentTheyAreAdmittedSoParallelGuessesCannotSlipPast() {
        var limits = throttle(account: 3)
        for _ in 0..<3 { #expect(limits.attempt(login: "erika", address: "a", now: 10) == nil) }
        #expect(limits.attempt(login: "erika", address: "a", now: 10) != nil, "three checks still running")
    }

    @Test func aSuccessForgetsTheNamesFailuresButNotTheAddresses() {
        var limits = throttle(account: 3, address: 3)
        #expect(limits.attempt(login: "erika", address: "a", now: 1) == nil)
        #expect(limits.attempt(login: "erika", address: "a", now: 2) == nil)
        #expect(limits.attempt(login: "erika", address: "a", now: 3) == nil)
        limits.succeeded(login: "erika", address: "a", now: 3)
        #expect(limits.attempt(login: "erika", address: "a", now: 4) == nil, "the name starts again")
        #expect(limits.attempt(login: "jonas", address: "a", now: 5) == .address(retryAfterSeconds: 896))
    }

    @Test func refusedAttemptsAreNotCounted() {
        var limits = throttle(account: 1, window: 60)
        #expect(limits.attempt(login: "erika", address: "a", now: 0) == nil)
        for second in 1..<60 { #expect(limits.attempt(login: "erika", address: "a", now: Int64(second)) != nil) }
        #expect(limits.attempt(login: "erika", address: "a", now: 60) == nil)
    }

    @Test func whenFullPartialCountsAreForgottenAndLockOutsKept() {
        var limits = throttle(account: 2, address: 1_000, capacity: 3)
        #expect(limits.attempt(login: "locked", address: "a", now: 0) == nil)
        #expect(limits.attempt(login: "locked", address: "a", now: 0) == nil)
        #expect(limits.attempt(login: "one", address: "a", now: 0) == nil)
        #expect(limits.attempt(login: "two", address: "a", now: 0) == nil)
        #expect(limits.tracked.accounts == 3)
        #expect(limits.attempt(login: "three", address: "a", now: 1) == nil)
        #expect(limits.tracked.accounts == 2, "one and two forgotten, locked kept, three added")
        #expect(limits.attempt(login: "locked", address: "a", now: 1) != nil)
    }
}
