import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// The outbox when the relay misbehaves (aiosmtpd made to fail by `Scripts/smtp-test-server`):
/// the booking is never held up, a temporary failure is tried again with the same message later,
/// a permanent one is recorded for staff.
@Suite(.enabled(if: SMTPTestServer.isAvailable, "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)"))
struct OutboxFaultTests {
    @Test func aRelayThatIsDownLeavesTheBookingBookedAndTheMailArrivesWhenItIsBack() throws {
        let port = try MailFixtures.closedPort()
        var settings = MailFixtures.smtp(port: port)
        settings.relayAlertMinutes = 5
        settings.reminderHours = 0
        let api = try APIHarness(mail: settings)
        let booked = api.bookForMail(try #require(api.freeStart(persons: 2)))
        #expect(booked.status == 201, "the booking never waits for mail")
        let first = try api.sender.deliverDue()
        #expect(first.deferred == 1)
        let waiting = try #require(try api.outbox().first)
        #expect(waiting.status == .waiting)
        #expect(waiting.attempts == 1)
        #expect(waiting.nextAttemptAt == api.clock.now.adding(seconds: 60))
        #expect(waiting.content != nil, "the bytes are kept for the retry")
        #expect(try api.sender.deliverDue() == OutboxSender.Round(), "not before the retry is due")
        // A relay unreachable for longer than relayAlertMinutes shows in /healthz, bookings go on.
        api.clock.advance(minutes: 6)
        _ = try api.sender.deliverDue()
        let health = api.send(.get, "/healthz")
        #expect(health.status == 200)
        #expect(health.json["status"] as? String == "degraded")
        #expect((health.json["mail"] as? [String: Any])?["relay"] as? String == "unreachable")
        let relay = try SMTPTestServer(port: port)
        api.clock.advance(minutes: 60)
        #expect(try api.sender.deliverDue().sent == 1)
        let received = try relay.received()
        #expect(received.count == 1)
        #expect(received.first?.content == waiting.content, "the same bytes as composed for the first attempt")
        #expect(api.send(.get, "/healthz").json["status"] as? String == "ok")
        #expect(try api.outbox().first?.content == nil, "the body is gone once sent")
    }

    @Test(arguments: [["--fail-rcpt", "1:421"], ["--fail-rcpt", "1:451"], ["--fail-data", "1:451"]])
    func aTemporaryRefusalIsTriedAgainWithTheSameMessage(options: [String]) throws {
        let relay = try SMTPTestServer(["--pipelining"] + options)
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        _ = api.bookForMail(try #require(api.freeStart(persons: 2)))
        #expect(try api.sender.deliverDue().deferred == 1)
        let deferred = try #require(try api.outbox().first)
        let code = String(options[1].dropFirst(2))
        #expect(deferred.result?.contains(code) == true, "\(deferred.result ?? "")")
        api.clock.advance(minutes: 1)
        #expect(try api.sender.deliverDue().sent == 1)
        let received = try relay.received()
        #expect(received.map(\.content) == [try #require(deferred.content)])
        #expect(try api.outbox().first?.attempts == 2)
    }

    @Test func theWaitBetweenAttemptsGrowsToItsLimit() throws {
        var settings = MailFixtures.smtp(port: 1)
        settings.firstRetrySeconds = 60
        settings.maxRetrySeconds = 600
        let api = try APIHarness(mail: settings)
        let sender = try api.sender
        #expect((1...6).map { sender.retryDelay(afterAttempts: $0) } == [60, 120, 240, 480, 600, 600])
    }

    @Test func aPermanentRefusalIsRecordedShownToStaffAndNotTriedAgain() throws {
        let relay = try SMTPTestServer(["--reject", "anna.mueller@example.org"])
        var settings = MailFixtures.smtp(port: relay.port)
        settings.reminderHours = 0
        let api = try APIHarness(mail: settings)
        let booked = api.bookForMail(try #require(api.freeStart(persons: 2)))
        let id = try #require(booked.json["id"] as? String)
        #expect(try api.sender.deliverDue().failed == 1)
        let staff = try api.staffToken(.hotline)
        let state = api.send(.get, "/v1/bookings/\(id)/messages", headers: [api.bearer(staff)])
        let confirmation = try #require((state.json["messages"] as? [[String: Any]])?.first)
        #expect(confirmation["status"] as? String == "failed")
        #expect((confirmation["result"] as? String)?.hasPrefix("550 5.1.1") == true)
        #expect(try api.outbox().first?.content == nil)
        api.clock.advance(minutes: 120)
        #expect(try api.sender.deliverDue() == OutboxSender.Round())
        #expect(try relay.received().isEmpty)
    }

    @Test func aRelayThatNeverAnswersTimesOutWithoutHoldingUpBookings() throws {
        let relay = try SMTPTestServer(["--silent"])
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port, timeout: 1))
        let start = try #require(api.freeStart(persons: 2))
        #expect(api.bookForMail(start).status == 201)
        let round = try api.sender.deliverDue()
        #expect(round.deferred == 1)
        let entry = try #require(try api.outbox().first)
        #expect(
            entry.result?.contains("timed out") == true || entry.result?.contains("timeout") == true,
            "\(entry.result ?? "")")
        #expect(api.send(.get, "/v1/offices/rathaus/availability?service=personalausweis").status == 200)
    }

    @Test func aMessageNotDeliveredWithinItsMaximumAgeIsDropped() throws {
        let port = try MailFixtures.closedPort()
        var settings = MailFixtures.smtp(port: port)
        settings.maxAgeHours = 2
        let api = try APIHarness(mail: settings)
        _ = api.bookForMail(try #require(api.freeStart(persons: 2)))
        #expect(try api.sender.deliverDue().deferred == 1)
        api.clock.advance(minutes: 121)
        #expect(try api.sender.deliverDue().dropped == 1)
        #expect(try api.outbox().first?.result == "not delivered within 2 hours")
    }
}
