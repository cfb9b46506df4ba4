import Dispatch
import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Synchronization
import Testing

@testable import App

@Suite struct QueueAPITests {
    /// The demo at Monday 09:00, when the Rathaus is open.
    func openOffice() throws -> APIHarness {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T09:00"))
        return api
    }

    func draw(_ api: APIHarness, _ services: [String], token: String, office: String = "rathaus") -> APIHarness.Answer {
        let list = services.map { "\"\($0)\"" }.joined(separator: ",")
        return api.send(
            .post, "/v1/offices/\(office)/tickets", headers: [api.bearer(token)], json: #"{"services":[\#(list)]}"#)
    }

    @Test func theKioskDrawsNumberedTicketsWithWaitAndChecklist() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let first = draw(api, ["personalausweis"], token: kiosk)
        #expect(first.status == 201)
        #expect(first.json["number"] as? String == "A001")
        #expect(first.json["ahead"] as? Int == 0)
        #expect((first.json["documents"] as? [Any])?.isEmpty == false)
        #expect((first.json["links"] as? [String: String])?["print"]?.hasPrefix("/kiosk/rathaus/tickets/") == true)
        let second = draw(api, ["reisepass"], token: kiosk)
        #expect(second.json["number"] as? String == "A002")
        #expect(second.json["ahead"] as? Int == 1)
        #expect((second.json["estimatedWaitMinutes"] as? Int ?? 0) > 0)
        #expect(draw(api, ["meldebescheinigung"], token: kiosk).json["number"] as? String == "B001")
        #expect(
            api.send(.post, "/v1/offices/rathaus/tickets", json: #"{"services":["personalausweis"]}"#).status == 401)
        #expect(draw(api, ["personalausweis"], token: try api.staffToken(.hotline)).status == 403)
        #expect(draw(api, ["personalausweis"], token: try api.staffToken(.kiosk, office: "nord")).status == 403)
        #expect(draw(api, ["pass"], token: kiosk).problemKind == "unknown-service")
    }

    @Test func aServiceNamedTwiceIsRefusedLikeAHoldRefusesIt() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let twice = draw(api, ["beglaubigung", "beglaubigung"], token: kiosk)
        #expect(twice.status == 400)
        #expect(twice.header("Content-Type") == "application/problem+json")
        #expect((twice.json["detail"] as? String)?.contains("named twice") == true)
        let many = draw(api, Array(repeating: "beglaubigung", count: 500), token: kiosk)
        #expect(many.status == 400)
        let hold = api.send(
            .post, "/v1/holds",
            json:
                #"{"office":"rathaus","services":["beglaubigung","beglaubigung"],"start":"2026-12-08T09:00:00+01:00"}"#)
        #expect(hold.status == twice.status)
        #expect(hold.json["detail"] as? String == twice.json["detail"] as? String)
        let ticket = draw(api, ["personalausweis"], token: kiosk)
        #expect(ticket.json["number"] as? String == "A001", "the refused tickets took no number")
        let id = try #require(ticket.json["id"] as? String)
        let counter = try api.staffToken(.counter, office: "rathaus")
        let transfer = api.send(
            .post, "/v1/tickets/\(id)/transfer", headers: [api.bearer(counter)],
            json: #"{"services":["reisepass","reisepass"]}"#)
        #expect(transfer.status == 400)
        #expect((transfer.json["detail"] as? String)?.contains("named twice") == true)
        let queue = try #require(api.database.writers["rathaus"]?.queueState)
        #expect(queue.ticket(TicketID(id))?.services == ["personalausweis"])
        #expect(queue.events.count == 1, "only the one good ticket")
    }

    @Test func aGroupStopsAtItsDailyCap() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk)
        for _ in 0..<20 { #expect(draw(api, ["impfung"], token: kiosk, office: "nord").status == 201) }
        let refused = draw(api, ["impfung"], token: kiosk, office: "nord")
        #expect(refused.status == 409)
        #expect(refused.problemKind == "daily-cap-reached")
    }

    @Test func appointmentsAreCheckedInByReferenceAndLateOnesGetAWalkInTicket() throws {
        let api = try APIHarness()
        let onTime = api.book("2026-12-08T09:00:00+01:00")
        let late = api.book("2026-12-08T08:00:00+01:00", email: "late@example.org")
        let reference = try #require(onTime.json["reference"] as? String)
        let lateReference = try #require(late.json["reference"] as? String)
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        api.clock.set(Fixtures.instant("2026-12-08T07:30"))
        let early = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)], json: #"{"reference":"\#(reference)"}"#
        )
        #expect(early.problemKind == "check-in-too-early")
        api.clock.set(Fixtures.instant("2026-12-08T08:45"))
        let ticket = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)],
            json: #"{"reference":"\#(reference.lowercased())"}"#)
        #expect(ticket.status == 201)
        #expect(ticket.json["appointment"] as? String == "09:00")
        let twice = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)], json: #"{"reference":"\#(reference)"}"#
        )
        #expect(twice.problemKind == "already-checked-in")
        let walkIn = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)],
            json: #"{"reference":"\#(lateReference)"}"#)
        #expect(walkIn.status == 201)
        #expect(walkIn.json["lateArrival"] as? Bool == true)
        #expect(walkIn.json["appointment"] == nil)
        #expect((walkIn.json["notice"] as? String)?.contains("08:00") == true)
        #expect(
            api.send(
                .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)], json: #"{"reference":"AAA-AAA"}"#
            ).status == 404)
    }

    @Test func countersCallActAndTheBoardShowsNumbersOnly() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk)
        let clerk = try api.staffToken(.counter, office: "rathaus")
        let drawn = draw(api, ["personalausweis"], token: kiosk)
        let id = try #require(drawn.json["id"] as? String)
        _ = draw(api, ["personalausweis"], token: kiosk)
        let called = api.send(.post, "/v1/offices/rathaus/counters/1/call-next", headers: [api.bearer(clerk)])
        #expect(called.status == 200)
        #expect(called.json["id"] as? String == id)
        #expect(called.json["counterName"] as? String == "Schalter 1")
        let busy = api.send(.post, "/v1/offices/rathaus/counters/1/call-next", headers: [api.bearer(clerk)])
        #expect(busy.problemKind == "counter-busy")
        #expect(api.send(.post, "/v1/tickets/\(id)/recall", headers: [api.bearer(clerk)]).json["recalls"] as? Int == 1)

        let board = api.send(.get, "/v1/offices/rathaus/queue")
        let calls = try #require(board.json["calls"] as? [[String: Any]])
        #expect(calls.first?["number"] as? String == "A001")
        #expect(calls.first?["counterName"] as? String == "Schalter 1")
        #expect(calls.first?["services"] == nil, "the public board shows numbers and counters only")
        #expect(board.json["waiting"] == nil)
        let groups = try #require(board.json["groups"] as? [[String: Any]])
        #expect(groups.first { $0["letter"] as? String == "A" }?["waiting"] as? Int == 1)
        let staffBoard = api.send(.get, "/v1/offices/rathaus/queue", headers: [api.bearer(clerk)])
        #expect(
            ((staffBoard.json["calls"] as? [[String: Any]])?.first?["services"] as? [String]) == ["personalausweis"])
        #expect((staffBoard.json["waiting"] as? [Any])?.count == 1)
        #expect(api.send(.get, "/v1/offices/rathaus/queue.txt").text.contains("A001"))

        let parked = api.send(.post, "/v1/tickets/\(id)/park", headers: [api.bearer(clerk)])
        #expect(parked.json["state"] as? String == "parked")
        let state = api.send(.get, "/v1/offices/rathaus/counters/1", headers: [api.bearer(clerk)])
        #expect(state.json["current"] is NSNull)
        #expect((state.json["parked"] as? [Any])?.count == 1)
        #expect(
            api.send(.post, "/v1/tickets/\(id)/resume", headers: [api.bearer(clerk)]).json["state"] as? String
                == "waiting")
        let transfer = api.send(
            .post, "/v1/tickets/\(id)/transfer", headers: [api.bearer(clerk)],
            json: #"{"counter":"3","services":["anmeldung"]}"#)
        #expect(transfer.json["number"] as? String == "A001")
        #expect(transfer.json["group"] as? String == "B")
        #expect(api.send(.post, "/v1/tickets/\(id)/fly", headers: [api.bearer(clerk)]).status == 404)
        #expect(
            api.send(.post, "/v1/tickets/\(id)/finish", headers: [api.bearer(clerk)]).problemKind
                == "invalid-ticket-action")
        let third = api.send(.post, "/v1/offices/rathaus/counters/3/call-next", headers: [api.bearer(clerk)])
        #expect(third.json["id"] as? String == id, "transferred to counter 3")
        #expect(
            api.send(.post, "/v1/tickets/\(id)/finish", headers: [api.bearer(clerk)]).json["state"] as? String == "done"
        )
        #expect(api.send(.post, "/v1/offices/rathaus/counters/3/call-next", headers: [api.bearer(clerk)]).status == 204)
        #expect(api.send(.post, "/v1/offices/rathaus/counters/1/call-next").status == 401)
    }

    @Test func countersPressingCallNextAtOnceNeverShareATicket() throws {
        for round in 0..<5 {
            let api = try openOffice()
            let kiosk = try api.staffToken(.kiosk)
            let clerk = try api.staffToken(.counter)
            for _ in 0..<12 { _ = draw(api, ["ausweis-abholen"], token: kiosk) }
            let counters = ["1", "2", "3", "4", "5", "6"]
            let called = Mutex<[(counter: String, ticket: String)]>([])
            DispatchQueue.concurrentPerform(iterations: 36) { index in
                let counter = counters[index % counters.count]
                let answer = api.send(
                    .post, "/v1/offices/rathaus/counters/\(counter)/call-next", headers: [api.bearer(clerk)])
                if answer.status == 200, let ticket = answer.json["id"] as? String {
                    called.withLock { $0.append((counter, ticket)) }
                    _ = api.send(.post, "/v1/tickets/\(ticket)/finish", headers: [api.bearer(clerk)])
                }
            }
            let calls = called.withLock { $0 }
            #expect(calls.count == 12, "round \(round): every ticket called once, got \(calls.count)")
            #expect(Set(calls.map(\.ticket)).count == calls.count, "round \(round): a ticket went to two counters")
            #expect(!calls.contains { $0.counter == "3" }, "counter 3 does not hand out passports")
        }
    }

    @Test func theEventStreamSendsTheBoardThenEveryChangeAndResumes() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk)
        let clerk = try api.staffToken(.counter)
        let sink = try #require(api.openStream("/v1/offices/rathaus/queue/events"))
        #expect(sink.wait(for: 1).first?.event == "board")
        _ = draw(api, ["personalausweis"], token: kiosk)
        _ = api.send(.post, "/v1/offices/rathaus/counters/4/call-next", headers: [api.bearer(clerk)])
        let events = sink.wait(for: 5)
        #expect(events.map { $0.event ?? "" } == ["board", "queue", "board", "queue", "board"])
        let call = try #require(events.dropFirst(3).first)
        #expect(call.id == "2")
        #expect(call.data.contains(#""kind":"called""#))
        #expect(call.data.contains(#""counterName":"Schalter 4""#))
        let resumed = try #require(
            api.openStream("/v1/offices/rathaus/queue/events", headers: [("Last-Event-ID", "1")]))
        let replay = resumed.wait(for: 2)
        #expect(replay.map { $0.event ?? "" } == ["queue", "board"])
        #expect(replay.first?.id == "2", "the missed call is replayed")
        sink.close()
        _ = draw(api, ["personalausweis"], token: kiosk)
        #expect(sink.events.count == 5, "a closed stream gets nothing more")
    }
}
