import Testing

@testable import HTTPServer

@Suite struct ConnectionTimerTests {
    let timer: ConnectionTimer = {
        var configuration = HTTPServer.Configuration()
        configuration.headerTimeout = .seconds(10)
        configuration.bodyTimeout = .seconds(30)
        configuration.idleTimeout = .seconds(60)
        configuration.handlerTimeout = .seconds(5)
        configuration.writeTimeout = .seconds(20)
        configuration.lingerTimeout = .seconds(2)
        configuration.eventStreamKeepAliveInterval = .seconds(15)
        return ConnectionTimer(configuration)
    }()

    let second: UInt64 = 1_000_000_000
    let start: UInt64 = 1_000 * 1_000_000_000

    func action(_ phase: ConnectionPhase, after seconds: UInt64, pending: Bool = false, lastWrite: UInt64? = nil)
        -> TimeoutAction
    {
        timer.action(
            phase: phase, phaseStart: start, lastWrite: lastWrite ?? start, outputPending: pending,
            now: start + seconds * second)
    }

    func actionJustBefore(_ phase: ConnectionPhase, _ seconds: UInt64, pending: Bool = false) -> TimeoutAction {
        timer.action(
            phase: phase, phaseStart: start, lastWrite: start, outputPending: pending, now: start + seconds * second - 1
        )
    }

    @Test(arguments: [
        (ConnectionPhase.fresh, UInt64(10), TimeoutAction.close),
        (.readingHead, 10, .requestTimeout),
        (.readingBody, 30, .requestTimeout),
        (.idle, 60, .close),
        (.handling, 5, .handlerTimeout),
        (.lingering, 2, .close),
        (.streaming, 15, .keepAliveComment),
    ])
    func eachDeadlineActsExactlyWhenItPasses(phase: ConnectionPhase, seconds: UInt64, expected: TimeoutAction) {
        #expect(actionJustBefore(phase, seconds) == TimeoutAction.none)
        #expect(action(phase, after: seconds) == expected)
    }

    @Test func aConnectionThatStopsTakingBytesIsClosedAfterTheWriteTimeout() {
        #expect(actionJustBefore(.handling, 20, pending: false) == .handlerTimeout)
        #expect(actionJustBefore(.streaming, 20, pending: true) == TimeoutAction.none)
        #expect(action(.streaming, after: 20, pending: true) == .close)
        #expect(action(.idle, after: 20, pending: true) == .close)
    }

    @Test func aStreamWithBytesWaitingGetsNoKeepAlive() {
        #expect(action(.streaming, after: 16, pending: true) == TimeoutAction.none)
    }

    @Test func aClockThatSeemsToGoBackwardsNeverFires() {
        #expect(timer.action(phase: .fresh, phaseStart: start, lastWrite: start, outputPending: true, now: 0) == .none)
    }

    @Test func theLoopLooksAtDeadlinesOftenEnough() {
        #expect(timer.tick == 250_000_000)
        var configuration = HTTPServer.Configuration()
        configuration.handlerTimeout = .milliseconds(200)
        #expect(ConnectionTimer(configuration).tick == 25_000_000)
        configuration.handlerTimeout = .milliseconds(1)
        #expect(ConnectionTimer(configuration).tick == 10_000_000)
    }
}
