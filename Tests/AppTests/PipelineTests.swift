import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Synchronization
import Testing

@testable import App

/// The request pipeline's order and its idempotency keys.
@Suite struct PipelineTests {
    @Test func aStaffRouteRefusesACallerWithoutTokenBeforeLookingAnythingUp() throws {
        let api = try APIHarness()
        let anonymous = api.send(.post, "/v1/tickets/nowhere-2026-12-07-A001/transfer", json: #"{"counter":"1"}"#)
        #expect(anonymous.status == 401, "an unknown ticket is not revealed to a caller without a token")
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let wrongRole = api.send(
            .post, "/v1/tickets/nowhere-2026-12-07-A001/transfer", headers: [api.bearer(kiosk)],
            json: #"{"counter":"1"}"#)
        #expect(wrongRole.status == 403)
        let counter = try api.staffToken(.counter, office: "rathaus")
        let wrongOffice = api.send(
            .post, "/v1/tickets/nord-2026-12-07-A001/start", headers: [api.bearer(counter)])
        #expect(wrongOffice.status == 403, "a token of another office learns nothing of the ticket")
        let allowed = api.send(
            .post, "/v1/tickets/rathaus-2026-12-07-A999/start", headers: [api.bearer(counter)])
        #expect(allowed.status == 404, "only a caller who may act on it learns that it does not exist")
    }

    @Test func staffRoutesOfAnOfficeCheckTheCallerBeforeTheOffice() throws {
        let api = try APIHarness()
        #expect(api.send(.get, "/v1/offices/nowhere/bookings").status == 401)
        #expect(api.send(.post, "/v1/offices/nowhere/counters/1/call-next").status == 401)
        let hotline = try api.staffToken(.hotline)
        #expect(api.send(.get, "/v1/offices/nowhere/bookings", headers: [api.bearer(hotline)]).status == 404)
    }

    @Test func aRetryAfterTheAnswerWasLostGetsTheBookingWithItsToken() throws {
        let api = try APIHarness()
        let body =
            #"{"office":"rathaus","services":["personalausweis"],"start":"2026-12-08T08:00:00+01:00","contact":{"name":"Erika Mustermann","email":"erika@example.org"}}"#
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        let request = HTTPRequest(method: .post, target: "/v1/bookings", headers: headers, body: Array(body.utf8))
        // The change and its mark are committed, as by a process that died before storing its
        // answer.
        let mark = IdempotencyKeys.mark(request, key: "lost-answer-1", scope: "public")
        let writer = try #require(api.database.writers["rathaus"])
        let slot = SlotRequest(
            services: ["personalausweis"], persons: 1, start: Fixtures.instant("2026-12-08T08:00"), channel: .online)
        let made = Mutex<Result<OfficeOutcome, WriterError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        writer.submit(
            .book(slot, contact: Contact(name: "Erika Mustermann", email: "erika@example.org", phone: nil)),
            idempotency: mark
        ) { result in
            made.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard case .success(.booking(let booking, let token?))? = made.withLock({ $0 }) else {
            Issue.record("the booking was not made")
            return
        }
        let retry = api.send(.post, "/v1/bookings", headers: [("Idempotency-Key", "lost-answer-1")], json: body)
        #expect(retry.status == 201)
        #expect(retry.header("Idempotency-Replayed") == "true")
        #expect(retry.json["id"] as? String == booking.id.rawValue)
        #expect(retry.json["token"] as? String == token, "the token, kept encrypted, is given again")
        #expect(try api.count("booking") == 1, "the retry made nothing new")
        let again = api.send(.post, "/v1/bookings", headers: [("Idempotency-Key", "lost-answer-1")], json: body)
        #expect(again.status == 201)
        #expect(again.json["token"] as? String == token, "the answer is now stored")
    }

    @Test func aRefusalUnderAKeyIsStoredAndGivenAgain() throws {
        let api = try APIHarness()
        let key = [("Idempotency-Key", "refused-1")]
        let first = api.book("2026-12-08T03:00:00+01:00", headers: key)
        #expect(first.status == 409, "the office is closed at three in the morning")
        let again = api.book("2026-12-08T03:00:00+01:00", headers: key)
        #expect(again.status == first.status)
        #expect(again.body == first.body)
        #expect(again.header("Idempotency-Replayed") == "true")
        #expect(try api.count("booking") == 0)
    }

    @Test func anUnexpectedErrorIsA500ProblemWithTheRequestID() throws {
        let api = try APIHarness()
        try api.database.committer.withConnection { try $0.execute("DROP TABLE draw_entry") }
        let answer = api.send(.get, "/v1/draws/impfaktion")
        #expect(answer.status == 500)
        #expect(answer.problemKind == "internal")
        #expect((answer.json["instance"] as? String)?.hasPrefix("/requests/") == true)
    }
}
